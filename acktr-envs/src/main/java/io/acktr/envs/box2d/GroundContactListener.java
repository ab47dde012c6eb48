package io.acktr.envs.box2d;

import static java.util.Objects.requireNonNull;

import org.jbox2d.callbacks.ContactImpulse;
import org.jbox2d.callbacks.ContactListener;
import org.jbox2d.collision.Manifold;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.contacts.Contact;

/**
 * Gymnasium's {@code ContactDetector} of the lunar lander and the bipedal walker: any contact of
 * the hull ends the game, and each leg's ground contact is tracked from the contact's begin to its
 * end. Hull and legs collide with nothing but the ground, so every contact is a ground contact.
 */
final class GroundContactListener implements ContactListener {
    private final Body hull;
    private final Body[] legs;
    private final boolean[] legContact;
    private boolean hullContact;

    /**
     * @param legs the bodies whose ground contact is reported, indexed as in {@link #legContact(int)}
     */
    GroundContactListener(Body hull, Body... legs) {
        this.hull = requireNonNull(hull, "hull is null");
        this.legs = legs.clone();
        for (Body leg : this.legs) {
            requireNonNull(leg, "leg is null");
        }
        this.legContact = new boolean[legs.length];
    }

    /** Whether the hull has touched the ground since the episode began. */
    boolean hullContact() {
        return hullContact;
    }

    boolean legContact(int leg) {
        return legContact[leg];
    }

    @Override
    public void beginContact(Contact contact) {
        Body a = contact.getFixtureA().getBody();
        Body b = contact.getFixtureB().getBody();
        if (a == hull || b == hull) {
            hullContact = true;
        }
        for (int i = 0; i < legs.length; i++) {
            if (a == legs[i] || b == legs[i]) {
                legContact[i] = true;
            }
        }
    }

    @Override
    public void endContact(Contact contact) {
        Body a = contact.getFixtureA().getBody();
        Body b = contact.getFixtureB().getBody();
        for (int i = 0; i < legs.length; i++) {
            if (a == legs[i] || b == legs[i]) {
                legContact[i] = false;
            }
        }
    }

    @Override
    public void preSolve(Contact contact, Manifold oldManifold) {
        // Gymnasium's listener only reacts to the beginning and end of contacts.
    }

    @Override
    public void postSolve(Contact contact, ContactImpulse impulse) {
        // Gymnasium's listener only reacts to the beginning and end of contacts.
    }
}
