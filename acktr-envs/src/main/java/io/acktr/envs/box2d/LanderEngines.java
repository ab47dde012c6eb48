package io.acktr.envs.box2d;

import static io.acktr.envs.box2d.LunarLander.SCALE;

import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;

/**
 * The main and orientation engines as impulses on the hull, with Gymnasium's formulas. The
 * reference also spawns exhaust particles that receive the opposite impulse; they only collide with
 * the ground, never with the lander, so they are purely decorative and left out here.
 */
final class LanderEngines {
    static final double MAIN_ENGINE_POWER = 13.0;
    static final double SIDE_ENGINE_POWER = 0.6;
    static final double SIDE_ENGINE_HEIGHT = 14.0;
    static final double SIDE_ENGINE_AWAY = 12.0;

    private LanderEngines() {
    }

    /**
     * Applies the impulses of {@code throttle} to {@code hull}. The dispersions are Gymnasium's two
     * {@code np_random.uniform(-1, 1) / SCALE} draws of the step, made whether or not an engine fires.
     */
    static void fire(Body hull, EngineThrottle throttle, double dispersion0, double dispersion1) {
        double angle = hull.getAngle();
        double tipX = Math.sin(angle);
        double tipY = Math.cos(angle);
        double sideX = -tipY;
        double sideY = tipX;
        Vec2 position = hull.getPosition();

        if (throttle.main() > 0) {
            // 4 moves the nozzle a bit downwards, +-2 for randomness.
            double ox = tipX * (4 / SCALE + 2 * dispersion0) + sideX * dispersion1;
            double oy = -tipY * (4 / SCALE + 2 * dispersion0) - sideY * dispersion1;
            double power = MAIN_ENGINE_POWER * throttle.main();
            push(hull, -ox * power, -oy * power, position.x + ox, position.y + oy);
        }
        if (throttle.side() > 0) {
            double lever = 3 * dispersion1 + throttle.direction() * SIDE_ENGINE_AWAY / SCALE;
            double ox = tipX * dispersion0 + sideX * lever;
            double oy = -tipY * dispersion0 - sideY * lever;
            double power = SIDE_ENGINE_POWER * throttle.side();
            double atX = position.x + ox - tipX * 17 / SCALE;
            double atY = position.y + oy + tipY * SIDE_ENGINE_HEIGHT / SCALE;
            push(hull, -ox * power, -oy * power, atX, atY);
        }
    }

    private static void push(Body hull, double impulseX, double impulseY, double atX, double atY) {
        hull.applyLinearImpulse(new Vec2((float) impulseX, (float) impulseY), new Vec2((float) atX, (float) atY));
    }
}
