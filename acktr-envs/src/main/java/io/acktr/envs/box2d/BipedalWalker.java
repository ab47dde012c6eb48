package io.acktr.envs.box2d;

import static java.util.Objects.requireNonNull;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.RgbFrame;
import io.acktr.api.env.StepResult;
import io.acktr.envs.core.SeededEnvironment;
import java.util.SplittableRandom;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.World;

/**
 * A port of Gymnasium's {@code BipedalWalker-v3} ({@code gymnasium/envs/box2d/bipedal_walker.py})
 * in its normal (not hardcore) mode: a four-joint walker must cross gently rolling grass.
 *
 * <p>The action holds the motor commands of hip 0, knee 0, hip 1 and knee 1 in {@code [-1, 1]}.
 * The 24 observations are the hull's angle, angular velocity and velocity, each joint's angle and
 * speed, the lower legs' ground contacts and the 10 lidar fractions, normalised as in the
 * reference. The reward of a step is the change of the shaping {@code 130 x / SCALE - 5 |angle|}
 * (so crossing the terrain earns about 300), minus {@code 0.00035 * 80 * clip(|a_j|, 0, 1)} per
 * joint. A step that ends with the hull touching the ground, or with the hull behind the start
 * ({@code x < 0}), terminates with reward -100; passing the start of the last grass spot terminates
 * with the step's ordinary reward. As in Gymnasium, {@link #reset()} already takes one idle step.
 * Stepping after termination throws {@link IllegalStateException}. The 1600-step limit is applied
 * by {@link io.acktr.envs.providers.BipedalWalkerProvider}.
 *
 * <p>Differences from the reference: observations are doubles (Gymnasium casts them to float32),
 * the random generator is a {@link SplittableRandom} rather than NumPy's (same draws in the same
 * order), each episode gets a fresh Box2D world, the hardcore obstacles are not ported, and the
 * physics is JBox2D 2.2.1 where Gymnasium uses Box2D 2.3 via pybox2d.
 */
public final class BipedalWalker extends SeededEnvironment {
    public static final String ID = "BipedalWalker-v3";

    static final int FPS = 50;
    static final double SCALE = 30.0;
    static final int VIEWPORT_W = 600;
    static final int VIEWPORT_H = 400;
    static final double GRAVITY = -10.0;
    static final int VELOCITY_ITERATIONS = 6 * 30;
    static final int POSITION_ITERATIONS = 2 * 30;
    static final double TORQUE_COST = 0.00035 * WalkerBody.MOTORS_TORQUE;

    private static final BoxSpace ACTION_SPACE = BoxSpace.uniform(-1, 1, 4);
    private static final BoxSpace OBSERVATION_SPACE = createObservationSpace();

    private World world;
    private WalkerTerrain terrain;
    private WalkerClouds clouds;
    private WalkerBody walker;
    private WalkerLidar lidar;
    private GroundContactListener contacts;
    private BipedalWalkerRenderer renderer;
    private double previousShaping;
    private boolean terminated;

    /** An environment whose generator is unseeded until the first {@link #reset(long)}. */
    public BipedalWalker() {
        this(new SplittableRandom());
    }

    BipedalWalker(SplittableRandom random) {
        super(ID, OBSERVATION_SPACE, ACTION_SPACE, random);
    }

    private static BoxSpace createObservationSpace() {
        double[] low = new double[24];
        double[] high = new double[24];
        double[] bound = {Math.PI, 5, 5, 5, Math.PI, 5, Math.PI, 5, 5, Math.PI, 5, Math.PI, 5, 5};
        for (int i = 0; i < bound.length; i++) {
            high[i] = bound[i];
            low[i] = i == 8 || i == 13 ? -0.0 : -bound[i];
        }
        for (int i = bound.length; i < 24; i++) {
            low[i] = -1;
            high[i] = 1;
        }
        return new BoxSpace(low, high, new int[] {24});
    }

    @Override
    public double[] reset() {
        world = new World(new Vec2(0, (float) GRAVITY));
        terrain = WalkerTerrain.create(world, random());
        clouds = WalkerClouds.create(random());
        double initialX = WalkerTerrain.TERRAIN_STEP * WalkerTerrain.TERRAIN_STARTPAD / 2;
        double initialY = WalkerTerrain.TERRAIN_HEIGHT + 2 * WalkerBody.LEG_H;
        walker = WalkerBody.create(world, random(), initialX, initialY);
        contacts = new GroundContactListener(walker.hull(), walker.leg(1), walker.leg(3));
        world.setContactListener(contacts);
        lidar = new WalkerLidar();
        renderer = new BipedalWalkerRenderer();
        terminated = false;
        double[] observation = advance(new double[4]);
        previousShaping = shaping(hullX(), observation[0]);
        return observation;
    }

    @Override
    public StepResult step(double[] action) {
        ACTION_SPACE.checkAction(action, ID);
        if (world == null) {
            throw new IllegalStateException(ID + ": step() called before reset(); call reset() first");
        }
        if (terminated) {
            throw new IllegalStateException(ID + ": step() called after the episode terminated; call reset()");
        }
        double[] observation = advance(action);
        double x = hullX();
        double shaping = shaping(x, observation[0]);
        double reward = shaping - previousShaping;
        previousShaping = shaping;
        for (double a : action) {
            reward -= TORQUE_COST * Math.min(1, Math.abs(a));
        }

        if (contacts.hullContact() || x < 0) {
            reward = -100;
            terminated = true;
        }
        if (x > terrain.endX()) {
            terminated = true;
        }
        return new StepResult(observation, reward, terminated, false);
    }

    /**
     * Draws the 600 x 400 view that follows the walker: sky, parallax clouds, grass, the start
     * flag, the walker and one lidar ray (a different one on each call, as Gymnasium does).
     */
    @Override
    public RgbFrame render() {
        if (world == null) {
            throw new IllegalStateException(ID + ": render() called before reset(); call reset() first");
        }
        return renderer.render(terrain, clouds, walker, lidar);
    }

    /** Gymnasium's shaping potential: progress to the right, minus a penalty for a tilted hull. */
    static double shaping(double hullX, double hullAngle) {
        return 130 * hullX / SCALE - 5.0 * Math.abs(hullAngle);
    }

    /** The hull's horizontal position in world units; the observation carries no coordinates. */
    double hullX() {
        return walker.hull().getPosition().x;
    }

    /** The terrain's height at {@code x}, for placing the walker in tests. */
    double terrainHeightAt(double x) {
        return terrain.heightAt(x);
    }

    /** Where the walker has reached the end of the terrain. */
    double terrainEndX() {
        return terrain.endX();
    }

    /**
     * Test hook: teleports the walker, legs carried along rigidly, so that its hull is at
     * {@code (x, y)} (world units) at {@code angle} and moving with {@code (vx, vy)}, as if an
     * episode had just reached that state; returns the resulting observation (lidar rescanned,
     * contacts as of the last step).
     */
    double[] placeWalker(double x, double y, double angle, double vx, double vy) {
        if (world == null) {
            throw new IllegalStateException(ID + ": placeWalker() called before reset(); call reset() first");
        }
        walker.place(x, y, angle, vx, vy);
        lidar.scan(world, walker.hull().getPosition());
        terminated = false;
        double[] observation = observation();
        previousShaping = shaping(hullX(), observation[0]);
        return observation;
    }

    private double[] advance(double[] action) {
        walker.drive(requireNonNull(action, "action is null"));
        world.step(1.0f / FPS, VELOCITY_ITERATIONS, POSITION_ITERATIONS);
        lidar.scan(world, walker.hull().getPosition());
        return observation();
    }

    private double[] observation() {
        Vec2 velocity = walker.hull().getLinearVelocity();
        double[] state = new double[24];
        state[0] = walker.hull().getAngle();
        state[1] = 2.0 * walker.hull().getAngularVelocity() / FPS;
        state[2] = 0.3 * velocity.x * (VIEWPORT_W / SCALE) / FPS;
        state[3] = 0.3 * velocity.y * (VIEWPORT_H / SCALE) / FPS;
        state[4] = walker.jointAngle(WalkerBody.HIP_0);
        state[5] = walker.jointSpeed(WalkerBody.HIP_0) / WalkerBody.SPEED_HIP;
        state[6] = walker.jointAngle(WalkerBody.KNEE_0) + 1.0;
        state[7] = walker.jointSpeed(WalkerBody.KNEE_0) / WalkerBody.SPEED_KNEE;
        state[8] = contacts.legContact(0) ? 1.0 : 0.0;
        state[9] = walker.jointAngle(WalkerBody.HIP_1);
        state[10] = walker.jointSpeed(WalkerBody.HIP_1) / WalkerBody.SPEED_HIP;
        state[11] = walker.jointAngle(WalkerBody.KNEE_1) + 1.0;
        state[12] = walker.jointSpeed(WalkerBody.KNEE_1) / WalkerBody.SPEED_KNEE;
        state[13] = contacts.legContact(1) ? 1.0 : 0.0;
        for (int i = 0; i < WalkerLidar.RAYS; i++) {
            state[14 + i] = lidar.fraction(i);
        }
        return state;
    }
}
