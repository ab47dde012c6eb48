package io.acktr.envs.box2d;

import static io.acktr.envs.box2d.BipedalWalker.SCALE;
import static io.acktr.envs.box2d.BipedalWalker.VIEWPORT_H;
import static io.acktr.envs.box2d.WalkerTerrain.TERRAIN_LENGTH;
import static io.acktr.envs.box2d.WalkerTerrain.TERRAIN_STEP;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The walker's decorative clouds: pentagons of random jitter at three quarters of the viewport's
 * height. They take no part in the physics, but they are drawn from the episode's generator between
 * the terrain and the initial push, as in Gymnasium, so they shift every later draw.
 */
final class WalkerClouds {
    static final int COUNT = TERRAIN_LENGTH / 20;
    static final int CORNERS = 5;

    /** One cloud's corners in world units, and its horizontal extent. */
    record Cloud(double[] xs, double[] ys, double minX, double maxX) {
    }

    private final List<Cloud> clouds;

    private WalkerClouds(List<Cloud> clouds) {
        this.clouds = clouds;
    }

    static WalkerClouds create(RandomGenerator random) {
        List<Cloud> clouds = new ArrayList<>();
        for (int c = 0; c < COUNT; c++) {
            double x = random.nextDouble(0, TERRAIN_LENGTH) * TERRAIN_STEP;
            double y = VIEWPORT_H / SCALE * 3 / 4;
            double[] xs = new double[CORNERS];
            double[] ys = new double[CORNERS];
            for (int a = 0; a < CORNERS; a++) {
                xs[a] = x + 15 * TERRAIN_STEP * Math.sin(3.14 * 2 * a / 5) + random.nextDouble(0, 5 * TERRAIN_STEP);
                ys[a] = y + 5 * TERRAIN_STEP * Math.cos(3.14 * 2 * a / 5) + random.nextDouble(0, 5 * TERRAIN_STEP);
            }
            double minX = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            for (double corner : xs) {
                minX = Math.min(minX, corner);
                maxX = Math.max(maxX, corner);
            }
            clouds.add(new Cloud(xs, ys, minX, maxX));
        }
        return new WalkerClouds(Collections.unmodifiableList(clouds));
    }

    List<Cloud> clouds() {
        return clouds;
    }
}
