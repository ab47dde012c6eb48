package io.acktr.envs.box2d;

import static io.acktr.envs.box2d.LunarLander.SCALE;
import static io.acktr.envs.box2d.LunarLander.VIEWPORT_H;
import static io.acktr.envs.box2d.LunarLander.VIEWPORT_W;

import java.util.random.RandomGenerator;
import org.jbox2d.collision.shapes.EdgeShape;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.BodyDef;
import org.jbox2d.dynamics.FixtureDef;
import org.jbox2d.dynamics.World;

/**
 * The moon's surface: {@value #CHUNKS} chunks of random height, smoothed, with the flat helipad
 * between the middle chunks, built as one static body of edges. Coordinates are in world units
 * (metres, {@code pixels / SCALE}) with y up.
 */
final class LunarTerrain {
    static final int CHUNKS = 11;
    static final float GROUND_FRICTION = 0.1f;

    private final Body moon;
    private final double[] chunkX;
    private final double[] smoothY;
    private final double helipadX1;
    private final double helipadX2;
    private final double helipadY;

    private LunarTerrain(Body moon, double[] chunkX, double[] smoothY, double helipadY) {
        this.moon = moon;
        this.chunkX = chunkX;
        this.smoothY = smoothY;
        this.helipadX1 = chunkX[CHUNKS / 2 - 1];
        this.helipadX2 = chunkX[CHUNKS / 2 + 1];
        this.helipadY = helipadY;
    }

    /**
     * Draws {@code CHUNKS + 1} heights from {@code random} and adds the terrain to {@code world},
     * as Gymnasium's {@code LunarLander.reset} does.
     */
    static LunarTerrain create(World world, RandomGenerator random) {
        double width = VIEWPORT_W / SCALE;
        double height = VIEWPORT_H / SCALE;
        double[] heights = new double[CHUNKS + 1];
        for (int i = 0; i < heights.length; i++) {
            heights[i] = random.nextDouble(0, height / 2);
        }
        double[] chunkX = new double[CHUNKS];
        for (int i = 0; i < CHUNKS; i++) {
            chunkX[i] = width / (CHUNKS - 1) * i;
        }
        double helipadY = height / 4;
        for (int i = CHUNKS / 2 - 2; i <= CHUNKS / 2 + 2; i++) {
            heights[i] = helipadY;
        }
        double[] smoothY = new double[CHUNKS];
        for (int i = 0; i < CHUNKS; i++) {
            // Python's height[i - 1] wraps to the last element for i = 0; the 0.33 (not 1/3) leaves the
            // pad a hair below helipad_y, as in the reference.
            double previous = heights[Math.floorMod(i - 1, heights.length)];
            smoothY[i] = 0.33 * (previous + heights[i] + heights[i + 1]);
        }

        Body moon = world.createBody(new BodyDef());
        EdgeShape floor = new EdgeShape();
        floor.set(new Vec2(0, 0), new Vec2((float) width, 0));
        moon.createFixture(fixture(floor, 0.2f));
        for (int i = 0; i < CHUNKS - 1; i++) {
            EdgeShape edge = new EdgeShape();
            edge.set(new Vec2((float) chunkX[i], (float) smoothY[i]), new Vec2((float) chunkX[i + 1], (float) smoothY[i + 1]));
            moon.createFixture(fixture(edge, GROUND_FRICTION));
        }
        return new LunarTerrain(moon, chunkX, smoothY, helipadY);
    }

    private static FixtureDef fixture(EdgeShape shape, float friction) {
        FixtureDef def = new FixtureDef();
        def.shape = shape;
        def.density = 0;
        def.friction = friction;
        return def;
    }

    Body body() {
        return moon;
    }

    double helipadX1() {
        return helipadX1;
    }

    double helipadX2() {
        return helipadX2;
    }

    /** The height the helipad was levelled to (the edges sit at {@code 0.99} of it). */
    double helipadY() {
        return helipadY;
    }

    int pointCount() {
        return CHUNKS;
    }

    double pointX(int i) {
        return chunkX[i];
    }

    double pointY(int i) {
        return smoothY[i];
    }
}
