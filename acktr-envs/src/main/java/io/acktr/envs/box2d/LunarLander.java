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
 * A port of Gymnasium's {@code LunarLander-v2} ({@code gymnasium/envs/box2d/lunar_lander.py}),
 * discrete or continuous, without wind. The lander starts at the top centre with a random push
 * and must reach the helipad at the origin of the observation's coordinates.
 *
 * <p>The observation is {@code [x, y, vx, vy, angle, angular velocity, leg 0 contact, leg 1
 * contact]}, normalised as in the reference. The reward of a step is the change of the shaping
 * {@code -100 sqrt(x^2 + y^2) - 100 sqrt(vx^2 + vy^2) - 100 |angle| + 10 leg0 + 10 leg1}, minus
 * 0.3 per unit of main-engine power and 0.03 per unit of side-engine power. A step that ends with
 * the hull touching the ground or with {@code |x| >= 1} terminates with reward -100; a step after
 * which Box2D has put the lander to sleep (it is at rest) terminates with +100, taking precedence
 * as in the reference. As in Gymnasium, {@link #reset()} already takes one idle step. Stepping
 * after termination throws {@link IllegalStateException}. The 1000-step limit is applied by the
 * providers.
 *
 * <p>Differences from the reference: observations are doubles (Gymnasium casts them to float32),
 * the random generator is a {@link SplittableRandom} rather than NumPy's (same draws in the same
 * order), each episode gets a fresh Box2D world, the decorative exhaust particles are not
 * simulated, and the physics is JBox2D 2.2.1 where Gymnasium uses Box2D 2.3 via pybox2d.
 */
public final class LunarLander extends SeededEnvironment {
    public static final String ID = "LunarLander-v2";
    public static final String CONTINUOUS_ID = "LunarLanderContinuous-v2";

    static final int FPS = 50;
    static final double SCALE = 30.0;
    static final int VIEWPORT_W = 600;
    static final int VIEWPORT_H = 400;
    static final double GRAVITY = -10.0;
    static final int VELOCITY_ITERATIONS = 6 * 30;
    static final int POSITION_ITERATIONS = 2 * 30;
    static final double MAIN_ENGINE_FUEL = 0.30;
    static final double SIDE_ENGINE_FUEL = 0.03;

    private static final BoxSpace OBSERVATION_SPACE = new BoxSpace(
            new double[] {-1.5, -1.5, -5.0, -5.0, -Math.PI, -5.0, -0.0, -0.0},
            new double[] {1.5, 1.5, 5.0, 5.0, Math.PI, 5.0, 1.0, 1.0},
            new int[] {8});

    private final LanderControls controls;
    private World world;
    private LunarTerrain terrain;
    private LanderBody lander;
    private GroundContactListener contacts;
    private double previousShaping;
    private boolean terminated;

    /** {@code LunarLander-v2}: actions 0 (nothing), 1 (left engine), 2 (main engine), 3 (right engine). */
    public static LunarLander discrete() {
        return new LunarLander(LanderControls.DISCRETE, new SplittableRandom());
    }

    /** {@code LunarLanderContinuous-v2}: actions {@code [main, lateral]} in {@code [-1, 1]}. */
    public static LunarLander continuous() {
        return new LunarLander(LanderControls.CONTINUOUS, new SplittableRandom());
    }

    LunarLander(LanderControls controls, SplittableRandom random) {
        super(controls == LanderControls.CONTINUOUS ? CONTINUOUS_ID : ID, OBSERVATION_SPACE,
                requireNonNull(controls, "controls is null").space(), random);
        this.controls = controls;
    }

    @Override
    public double[] reset() {
        world = new World(new Vec2(0, (float) GRAVITY));
        terrain = LunarTerrain.create(world, random());
        lander = LanderBody.create(world, random());
        contacts = new GroundContactListener(lander.hull(), lander.leg(0), lander.leg(1));
        world.setContactListener(contacts);
        terminated = false;
        double[] observation = advance(EngineThrottle.IDLE);
        previousShaping = shaping(observation);
        return observation;
    }

    @Override
    public StepResult step(double[] action) {
        EngineThrottle throttle = controls.throttle(action, id());
        if (world == null) {
            throw new IllegalStateException(id() + ": step() called before reset(); call reset() first");
        }
        if (terminated) {
            throw new IllegalStateException(id() + ": step() called after the episode terminated; call reset()");
        }
        double[] observation = advance(throttle);
        double shaping = shaping(observation);
        double reward = shaping - previousShaping;
        previousShaping = shaping;
        reward -= throttle.main() * MAIN_ENGINE_FUEL;
        reward -= throttle.side() * SIDE_ENGINE_FUEL;

        if (contacts.hullContact() || Math.abs(observation[0]) >= 1.0) {
            terminated = true;
            reward = -100;
        }
        if (!lander.awake()) {
            terminated = true;
            reward = +100;
        }
        return new StepResult(observation, reward, terminated, false);
    }

    /** Draws the terrain, the helipad's flags and the lander into a 600 x 400 frame. */
    @Override
    public RgbFrame render() {
        if (world == null) {
            throw new IllegalStateException(id() + ": render() called before reset(); call reset() first");
        }
        return LunarLanderRenderer.render(terrain, lander);
    }

    /**
     * Gymnasium's shaping potential of an observation: closeness to the pad, slowness, uprightness
     * and ten points per leg on the ground.
     */
    static double shaping(double[] observation) {
        return -100 * Math.sqrt(observation[0] * observation[0] + observation[1] * observation[1])
                - 100 * Math.sqrt(observation[2] * observation[2] + observation[3] * observation[3])
                - 100 * Math.abs(observation[4])
                + 10 * observation[6]
                + 10 * observation[7];
    }

    /**
     * Test hook: puts the lander in the pose and motion described by the first six observation
     * components ({@code x, y, vx, vy, angle, angular velocity}, normalised as in observations),
     * legs carried along, as if an episode had just reached that state, and returns the resulting
     * observation. The leg-contact components keep their last values until the next step.
     */
    double[] placeLander(double[] pose) {
        requireNonNull(pose, "pose is null");
        if (pose.length != 6) {
            throw new IllegalArgumentException(id() + " pose has 6 elements, got " + pose.length);
        }
        if (world == null) {
            throw new IllegalStateException(id() + ": placeLander() called before reset(); call reset() first");
        }
        double halfWidth = VIEWPORT_W / SCALE / 2;
        double halfHeight = VIEWPORT_H / SCALE / 2;
        lander.place(
                pose[0] * halfWidth + halfWidth,
                pose[1] * halfHeight + terrain.helipadY() + LanderBody.LEG_DOWN / SCALE,
                pose[4],
                pose[2] / (halfWidth / FPS),
                pose[3] / (halfHeight / FPS),
                pose[5] / (20.0 / FPS));
        terminated = false;
        double[] observation = observation();
        previousShaping = shaping(observation);
        return observation;
    }

    /** Fires the engines, advances the world one frame and returns the observation after it. */
    private double[] advance(EngineThrottle throttle) {
        double dispersion0 = random().nextDouble(-1.0, 1.0) / SCALE;
        double dispersion1 = random().nextDouble(-1.0, 1.0) / SCALE;
        LanderEngines.fire(lander.hull(), throttle, dispersion0, dispersion1);
        world.step(1.0f / FPS, VELOCITY_ITERATIONS, POSITION_ITERATIONS);
        return observation();
    }

    private double[] observation() {
        Vec2 position = lander.hull().getPosition();
        Vec2 velocity = lander.hull().getLinearVelocity();
        double halfWidth = VIEWPORT_W / SCALE / 2;
        double halfHeight = VIEWPORT_H / SCALE / 2;
        return new double[] {
            (position.x - halfWidth) / halfWidth,
            (position.y - (terrain.helipadY() + LanderBody.LEG_DOWN / SCALE)) / halfHeight,
            velocity.x * halfWidth / FPS,
            velocity.y * halfHeight / FPS,
            lander.hull().getAngle(),
            20.0 * lander.hull().getAngularVelocity() / FPS,
            contacts.legContact(0) ? 1.0 : 0.0,
            contacts.legContact(1) ? 1.0 : 0.0,
        };
    }
}
