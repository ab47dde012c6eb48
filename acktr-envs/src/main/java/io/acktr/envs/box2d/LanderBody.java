package io.acktr.envs.box2d;

import static io.acktr.envs.box2d.LunarLander.SCALE;
import static io.acktr.envs.box2d.LunarLander.VIEWPORT_H;
import static io.acktr.envs.box2d.LunarLander.VIEWPORT_W;

import java.util.random.RandomGenerator;
import org.jbox2d.collision.shapes.PolygonShape;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.BodyDef;
import org.jbox2d.dynamics.BodyType;
import org.jbox2d.dynamics.FixtureDef;
import org.jbox2d.dynamics.World;
import org.jbox2d.dynamics.joints.RevoluteJointDef;

/**
 * The lander: a six-sided hull and two legs on motorised revolute joints with limits, which act
 * as springs. Only the ground collides with them (category and mask bits as in Gymnasium).
 */
final class LanderBody {
    /** The hull outline in pixels, counter-clockwise. */
    static final int[][] HULL_POLYGON = {{-14, 17}, {-17, 0}, {-17, -10}, {17, -10}, {17, 0}, {14, 17}};
    static final double LEG_AWAY = 20;
    static final double LEG_DOWN = 18;
    static final double LEG_W = 2;
    static final double LEG_H = 8;
    static final float LEG_SPRING_TORQUE = 40;
    static final double INITIAL_RANDOM = 1000;

    static final int GROUND_CATEGORY = 0x0001;
    static final int HULL_CATEGORY = 0x0010;
    static final int LEG_CATEGORY = 0x0020;

    private final Body hull;
    private final Body[] legs;

    private LanderBody(Body hull, Body[] legs) {
        this.hull = hull;
        this.legs = legs;
    }

    /**
     * Adds the lander at the top centre of the viewport, pushes its hull with a random force of up to
     * {@value #INITIAL_RANDOM} per axis (two draws from {@code random}) and attaches the legs.
     */
    static LanderBody create(World world, RandomGenerator random) {
        float initialX = (float) (VIEWPORT_W / SCALE / 2);
        float initialY = (float) (VIEWPORT_H / SCALE);

        BodyDef hullDef = dynamicBody(initialX, initialY, 0);
        Body hull = world.createBody(hullDef);
        Vec2[] vertices = new Vec2[HULL_POLYGON.length];
        for (int i = 0; i < vertices.length; i++) {
            vertices[i] = new Vec2((float) (HULL_POLYGON[i][0] / SCALE), (float) (HULL_POLYGON[i][1] / SCALE));
        }
        PolygonShape hullShape = new PolygonShape();
        hullShape.set(vertices, vertices.length);
        hull.createFixture(fixture(hullShape, 5.0f, 0.1f, HULL_CATEGORY));
        hull.applyForceToCenter(new Vec2(
                (float) random.nextDouble(-INITIAL_RANDOM, INITIAL_RANDOM),
                (float) random.nextDouble(-INITIAL_RANDOM, INITIAL_RANDOM)));

        Body[] legs = new Body[2];
        int[] sides = {-1, +1};
        for (int k = 0; k < 2; k++) {
            int i = sides[k];
            Body leg = world.createBody(dynamicBody((float) (initialX - i * LEG_AWAY / SCALE), initialY, i * 0.05f));
            PolygonShape legShape = new PolygonShape();
            legShape.setAsBox((float) (LEG_W / SCALE), (float) (LEG_H / SCALE));
            // The reference leaves the legs' friction at Box2D's default of 0.2.
            leg.createFixture(fixture(legShape, 1.0f, 0.2f, LEG_CATEGORY));

            RevoluteJointDef joint = new RevoluteJointDef();
            joint.bodyA = hull;
            joint.bodyB = leg;
            joint.localAnchorA.set(0, 0);
            joint.localAnchorB.set((float) (i * LEG_AWAY / SCALE), (float) (LEG_DOWN / SCALE));
            joint.enableMotor = true;
            joint.enableLimit = true;
            joint.maxMotorTorque = LEG_SPRING_TORQUE;
            joint.motorSpeed = 0.3f * i; // low enough not to jump back into the sky
            if (i == -1) {
                joint.lowerAngle = 0.9f - 0.5f;
                joint.upperAngle = 0.9f;
            } else {
                joint.lowerAngle = -0.9f;
                joint.upperAngle = -0.9f + 0.5f;
            }
            world.createJoint(joint);
            legs[k] = leg;
        }
        return new LanderBody(hull, legs);
    }

    private static BodyDef dynamicBody(float x, float y, float angle) {
        BodyDef def = new BodyDef();
        def.type = BodyType.DYNAMIC;
        def.position.set(x, y);
        def.angle = angle;
        return def;
    }

    private static FixtureDef fixture(PolygonShape shape, float density, float friction, int category) {
        FixtureDef def = new FixtureDef();
        def.shape = shape;
        def.density = density;
        def.friction = friction;
        def.restitution = 0;
        def.filter.categoryBits = category;
        def.filter.maskBits = GROUND_CATEGORY;
        return def;
    }

    Body hull() {
        return hull;
    }

    /** Leg 0 is Gymnasium's {@code legs[0]} (created with {@code i = -1}), leg 1 its {@code legs[1]}. */
    Body leg(int index) {
        return legs[index];
    }

    /** Whether Box2D still simulates the lander, i.e. it has not come to rest. */
    boolean awake() {
        return hull.isAwake();
    }

    /**
     * Moves the hull to {@code (x, y)} at {@code angle} with the given velocities (world units) and
     * carries the legs along rigidly, keeping their pose relative to the hull, so the joints stay
     * satisfied. The bodies are woken up.
     */
    void place(double x, double y, double angle, double vx, double vy, double angularVelocity) {
        RigidPlacement.place(hull, legs, x, y, angle, vx, vy, angularVelocity);
    }
}
