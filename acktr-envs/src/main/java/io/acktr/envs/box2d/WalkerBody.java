package io.acktr.envs.box2d;

import static io.acktr.envs.box2d.BipedalWalker.SCALE;

import java.util.random.RandomGenerator;
import org.jbox2d.collision.shapes.PolygonShape;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.BodyDef;
import org.jbox2d.dynamics.BodyType;
import org.jbox2d.dynamics.FixtureDef;
import org.jbox2d.dynamics.World;
import org.jbox2d.dynamics.joints.RevoluteJoint;
import org.jbox2d.dynamics.joints.RevoluteJointDef;

/**
 * The walker: a hull with two legs, each an upper and a lower segment, on four motorised revolute
 * joints (hip, knee, hip, knee). An action sets each motor's speed to its full rated speed in the
 * action's direction and its torque limit in proportion to the action's magnitude, as Gymnasium's
 * torque control does.
 */
final class WalkerBody {
    static final float MOTORS_TORQUE = 80;
    static final double SPEED_HIP = 4;
    static final double SPEED_KNEE = 6;
    static final double INITIAL_RANDOM = 5;
    /** The hull outline in pixels, counter-clockwise (Gymnasium lists it clockwise; Box2D 2.3 reorders it). */
    static final int[][] HULL_POLYGON = {{-30, -8}, {34, -8}, {34, 1}, {6, 9}, {-30, 9}};
    static final double LEG_DOWN = -8 / SCALE;
    static final double LEG_W = 8 / SCALE;
    static final double LEG_H = 34 / SCALE;
    static final int BODY_CATEGORY = 0x0020;
    static final int GROUND_CATEGORY = 0x0001;

    /** Joint order in actions and observations. */
    static final int HIP_0 = 0;
    static final int KNEE_0 = 1;
    static final int HIP_1 = 2;
    static final int KNEE_1 = 3;

    private final Body hull;
    private final Body[] legs;
    private final RevoluteJoint[] joints;

    private WalkerBody(Body hull, Body[] legs, RevoluteJoint[] joints) {
        this.hull = hull;
        this.legs = legs;
        this.joints = joints;
    }

    /**
     * Adds the walker standing at {@code (x, y)}, pushes its hull sideways with a random force of up
     * to {@value #INITIAL_RANDOM} (one draw from {@code random}) and attaches the legs.
     */
    static WalkerBody create(World world, RandomGenerator random, double x, double y) {
        Body hull = world.createBody(dynamicBody(x, y, 0));
        Vec2[] vertices = new Vec2[HULL_POLYGON.length];
        for (int i = 0; i < vertices.length; i++) {
            vertices[i] = new Vec2((float) (HULL_POLYGON[i][0] / SCALE), (float) (HULL_POLYGON[i][1] / SCALE));
        }
        PolygonShape hullShape = new PolygonShape();
        hullShape.set(vertices, vertices.length);
        hull.createFixture(fixture(hullShape, 5.0f, 0.1f));
        hull.applyForceToCenter(new Vec2((float) random.nextDouble(-INITIAL_RANDOM, INITIAL_RANDOM), 0));

        Body[] legs = new Body[4];
        RevoluteJoint[] joints = new RevoluteJoint[4];
        int[] sides = {-1, +1};
        for (int k = 0; k < 2; k++) {
            int i = sides[k];
            Body upper = world.createBody(dynamicBody(x, y - LEG_H / 2 - LEG_DOWN, i * 0.05f));
            PolygonShape upperShape = new PolygonShape();
            upperShape.setAsBox((float) (LEG_W / 2), (float) (LEG_H / 2));
            // The reference leaves the legs' friction at Box2D's default of 0.2.
            upper.createFixture(fixture(upperShape, 1.0f, 0.2f));
            joints[2 * k] = (RevoluteJoint) world.createJoint(joint(hull, upper, LEG_DOWN, LEG_H / 2, i, -0.8f, 1.1f));
            legs[2 * k] = upper;

            Body lower = world.createBody(dynamicBody(x, y - LEG_H * 3 / 2 - LEG_DOWN, i * 0.05f));
            PolygonShape lowerShape = new PolygonShape();
            lowerShape.setAsBox((float) (0.8 * LEG_W / 2), (float) (LEG_H / 2));
            lower.createFixture(fixture(lowerShape, 1.0f, 0.2f));
            joints[2 * k + 1] = (RevoluteJoint) world.createJoint(joint(upper, lower, -LEG_H / 2, LEG_H / 2, 1, -1.6f, -0.1f));
            legs[2 * k + 1] = lower;
        }
        return new WalkerBody(hull, legs, joints);
    }

    private static BodyDef dynamicBody(double x, double y, float angle) {
        BodyDef def = new BodyDef();
        def.type = BodyType.DYNAMIC;
        def.position.set((float) x, (float) y);
        def.angle = angle;
        return def;
    }

    private static FixtureDef fixture(PolygonShape shape, float density, float friction) {
        FixtureDef def = new FixtureDef();
        def.shape = shape;
        def.density = density;
        def.friction = friction;
        def.restitution = 0;
        def.filter.categoryBits = BODY_CATEGORY;
        def.filter.maskBits = GROUND_CATEGORY;
        return def;
    }

    private static RevoluteJointDef joint(Body parent, Body child, double anchorParentY, double anchorChildY,
                                          float motorSpeed, float lower, float upper) {
        RevoluteJointDef def = new RevoluteJointDef();
        def.bodyA = parent;
        def.bodyB = child;
        def.localAnchorA.set(0, (float) anchorParentY);
        def.localAnchorB.set(0, (float) anchorChildY);
        def.enableMotor = true;
        def.enableLimit = true;
        def.maxMotorTorque = MOTORS_TORQUE;
        def.motorSpeed = motorSpeed;
        def.lowerAngle = lower;
        def.upperAngle = upper;
        return def;
    }

    /**
     * Sets each motor to its rated speed times the sign of its action component and its torque limit
     * to {@code 80 * clip(|a|, 0, 1)}; components outside {@code [-1, 1]} act as their bound.
     */
    void drive(double[] action) {
        for (int j = 0; j < joints.length; j++) {
            double ratedSpeed = j % 2 == 0 ? SPEED_HIP : SPEED_KNEE;
            joints[j].setMotorSpeed((float) (ratedSpeed * Math.signum(action[j])));
            joints[j].setMaxMotorTorque((float) (MOTORS_TORQUE * Math.min(1, Math.abs(action[j]))));
        }
    }

    Body hull() {
        return hull;
    }

    /** Upper leg 0, lower leg 0, upper leg 1, lower leg 1, as Gymnasium's {@code legs}. */
    Body leg(int index) {
        return legs[index];
    }

    /** The joint's angle in radians; hips range over {@code [-0.8, 1.1]}, knees over {@code [-1.6, -0.1]}. */
    double jointAngle(int joint) {
        return joints[joint].getJointAngle();
    }

    /** The joint's angular speed in radians per second. */
    double jointSpeed(int joint) {
        return joints[joint].getJointSpeed();
    }

    /** Teleports the walker rigidly; see {@link RigidPlacement#place}. */
    void place(double x, double y, double angle, double vx, double vy) {
        RigidPlacement.place(hull, legs, x, y, angle, vx, vy, 0);
    }
}
