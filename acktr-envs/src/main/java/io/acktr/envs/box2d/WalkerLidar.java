package io.acktr.envs.box2d;

import static io.acktr.envs.box2d.BipedalWalker.SCALE;

import org.jbox2d.callbacks.RayCastCallback;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Fixture;
import org.jbox2d.dynamics.World;

/**
 * The walker's {@value #RAYS} lidar rays, fanning from straight down ({@code i = 0}) forward in
 * steps of 0.15 rad, {@code 160 / SCALE} long. Each reports the fraction of its length at which it
 * first meets the ground (v3: the closest hit), or 1 when it meets nothing; the walker's own
 * bodies are ignored.
 */
final class WalkerLidar {
    static final int RAYS = 10;
    static final double RANGE = 160 / SCALE;

    private final double[] fractions = new double[RAYS];
    private final Vec2[] starts = new Vec2[RAYS];
    private final Vec2[] ends = new Vec2[RAYS];

    /** Casts every ray from {@code origin} through {@code world}. */
    void scan(World world, Vec2 origin) {
        for (int i = 0; i < RAYS; i++) {
            Vec2 start = new Vec2(origin);
            Vec2 end = new Vec2(
                    (float) (origin.x + Math.sin(1.5 * i / 10.0) * RANGE),
                    (float) (origin.y - Math.cos(1.5 * i / 10.0) * RANGE));
            ClosestGroundHit hit = new ClosestGroundHit(end);
            world.raycast(hit, start, end);
            fractions[i] = hit.fraction;
            starts[i] = start;
            ends[i] = hit.point;
        }
    }

    double fraction(int ray) {
        return fractions[ray];
    }

    /** Where the ray was cast from, or null before the first scan. */
    Vec2 start(int ray) {
        return starts[ray];
    }

    /** Where the ray hit the ground, or its far end when it hit nothing; null before the first scan. */
    Vec2 end(int ray) {
        return ends[ray];
    }

    /** Gymnasium's {@code LidarCallback}: ignores non-ground fixtures and clips the ray at each hit. */
    private static final class ClosestGroundHit implements RayCastCallback {
        private float fraction = 1.0f;
        private Vec2 point;

        ClosestGroundHit(Vec2 farEnd) {
            this.point = farEnd;
        }

        @Override
        public float reportFixture(Fixture fixture, Vec2 hitPoint, Vec2 normal, float hitFraction) {
            if ((fixture.getFilterData().categoryBits & WalkerTerrain.GROUND_CATEGORY) == 0) {
                return -1;
            }
            this.point = new Vec2(hitPoint);
            this.fraction = hitFraction;
            return hitFraction;
        }
    }
}
