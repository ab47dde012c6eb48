package io.acktr.envs.box2d;

import static java.util.Objects.requireNonNull;

import org.jbox2d.callbacks.ContactImpulse;
import org.jbox2d.callbacks.ContactListener;
import org.jbox2d.collision.Manifold;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.contacts.Contact;

/**
 * Gymnasium's {@code ContactDetector}: any contact of the lander's hull ends the game, and each
 * leg's ground contact is tracked from the contact's begin to its end.
 */
final class LanderContactListener implements ContactListener {
    private final Body hull;
    private final Body[] legs;
    private final boolean[] legContact;
    private boolean hullContact;

    LanderContactListener(LanderBody lander) {
        requireNonNull(lander, "lander is null");
        this.hull = lander.hull();
        this.legs = new Body[] {lander.leg(0), lander.leg(1)};
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
