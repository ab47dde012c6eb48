package io.acktr.envs.box2d;

import org.jbox2d.common.Rot;
import org.jbox2d.common.Transform;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;

/**
 * Teleports a jointed robot as one rigid piece, for test hooks that start an episode from a
 * constructed state: the other bodies keep their pose relative to the hull, so joints stay
 * satisfied, and every body gets the rigid-body velocity of the hull's motion.
 */
final class RigidPlacement {
    private RigidPlacement() {
    }

    /**
     * Moves {@code hull}'s origin to {@code (x, y)} at {@code angle}, with linear velocity
     * {@code (vx, vy)} and angular velocity {@code angularVelocity}, carrying {@code others} along
     * and waking every body.
     */
    static void place(Body hull, Body[] others, double x, double y, double angle, double vx, double vy,
                      double angularVelocity) {
        Transform oldHull = new Transform(hull.getTransform());
        float oldAngle = hull.getAngle();
        Transform newHull = new Transform(new Vec2((float) x, (float) y), new Rot((float) angle));
        for (Body body : others) {
            Vec2 local = Transform.mulTrans(oldHull, body.getPosition());
            float relativeAngle = body.getAngle() - oldAngle;
            Vec2 position = Transform.mul(newHull, local);
            body.setTransform(position, (float) angle + relativeAngle);
            Vec2 offset = position.sub(newHull.p);
            body.setLinearVelocity(new Vec2((float) (vx - angularVelocity * offset.y), (float) (vy + angularVelocity * offset.x)));
            body.setAngularVelocity((float) angularVelocity);
            body.setAwake(true);
        }
        hull.setTransform(newHull.p, (float) angle);
        hull.setLinearVelocity(new Vec2((float) vx, (float) vy));
        hull.setAngularVelocity((float) angularVelocity);
        hull.setAwake(true);
    }
}
