package io.acktr.envs.box2d;

import static io.acktr.envs.box2d.BipedalWalker.SCALE;
import static io.acktr.envs.box2d.BipedalWalker.VIEWPORT_H;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jbox2d.collision.shapes.EdgeShape;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.BodyDef;
import org.jbox2d.dynamics.FixtureDef;
import org.jbox2d.dynamics.World;

/**
 * The bipedal walker's ground in the normal (not hardcore) mode: {@value #TERRAIN_LENGTH} points
 * {@code 14 / SCALE} apart, flat for the first {@value #TERRAIN_STARTPAD}, then grass whose slope
 * wanders randomly and is pulled back toward {@link #TERRAIN_HEIGHT}, with short flat stretches
 * between grass spots of 5 to 9 points. Each segment is an edge on its own static body, as in
 * Gymnasium.
 */
final class WalkerTerrain {
    static final double TERRAIN_STEP = 14 / SCALE;
    static final int TERRAIN_LENGTH = 200;
    static final double TERRAIN_HEIGHT = VIEWPORT_H / SCALE / 4;
    static final int TERRAIN_GRASS = 10;
    static final int TERRAIN_STARTPAD = 20;
    static final float FRICTION = 2.5f;
    static final int GROUND_CATEGORY = 0x0001;

    private final double[] xs;
    private final double[] ys;
    private final List<Body> bodies;

    private WalkerTerrain(double[] xs, double[] ys, List<Body> bodies) {
        this.xs = xs;
        this.ys = ys;
        this.bodies = bodies;
    }

    /** Draws the grass from {@code random} and adds the ground to {@code world}. */
    static WalkerTerrain create(World world, RandomGenerator random) {
        double[] xs = new double[TERRAIN_LENGTH];
        double[] ys = new double[TERRAIN_LENGTH];
        double velocity = 0.0;
        double y = TERRAIN_HEIGHT;
        int counter = TERRAIN_STARTPAD;
        boolean oneshot = false;
        for (int i = 0; i < TERRAIN_LENGTH; i++) {
            xs[i] = i * TERRAIN_STEP;
            if (!oneshot) {
                velocity = 0.8 * velocity + 0.01 * Math.signum(TERRAIN_HEIGHT - y);
                if (i > TERRAIN_STARTPAD) {
                    velocity += random.nextDouble(-1, 1) / SCALE;
                }
                y += velocity;
            }
            oneshot = false;
            ys[i] = y;
            counter--;
            if (counter == 0) {
                counter = random.nextInt(TERRAIN_GRASS / 2, TERRAIN_GRASS);
                oneshot = true;
            }
        }

        List<Body> bodies = new ArrayList<>();
        for (int i = 0; i < TERRAIN_LENGTH - 1; i++) {
            EdgeShape edge = new EdgeShape();
            edge.set(new Vec2((float) xs[i], (float) ys[i]), new Vec2((float) xs[i + 1], (float) ys[i + 1]));
            FixtureDef fixture = new FixtureDef();
            fixture.shape = edge;
            fixture.friction = FRICTION;
            fixture.filter.categoryBits = GROUND_CATEGORY;
            Body body = world.createBody(new BodyDef());
            body.createFixture(fixture);
            bodies.add(body);
        }
        return new WalkerTerrain(xs, ys, Collections.unmodifiableList(bodies));
    }

    /** The x beyond which the walker has reached the end: the start of the last grass spot. */
    double endX() {
        return (TERRAIN_LENGTH - TERRAIN_GRASS) * TERRAIN_STEP;
    }

    int pointCount() {
        return xs.length;
    }

    double pointX(int i) {
        return xs[i];
    }

    double pointY(int i) {
        return ys[i];
    }

    /** The ground's height at {@code x}, interpolated between points and held flat beyond the ends. */
    double heightAt(double x) {
        if (x <= xs[0]) {
            return ys[0];
        }
        for (int i = 0; i + 1 < xs.length; i++) {
            if (x <= xs[i + 1]) {
                double t = (x - xs[i]) / (xs[i + 1] - xs[i]);
                return ys[i] + t * (ys[i + 1] - ys[i]);
            }
        }
        return ys[ys.length - 1];
    }

    /** One static body per edge, in the order of the points. */
    List<Body> bodies() {
        return bodies;
    }
}
