package io.acktr.envs.classic;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.RgbFrame;
import io.acktr.api.env.RestorableEnvironment;
import io.acktr.api.env.StepResult;
import io.acktr.api.state.SavedState;
import io.acktr.envs.core.SeededEnvironment;

import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * A port of Gymnasium's {@code MountainCarContinuous-v0}
 * ({@code gymnasium/envs/classic_control/continuous_mountain_car.py}). The car of
 * {@link MountainCar} driven by a force {@code a} in {@code Box(-1.0, 1.0, [1])}:
 * <pre>
 * force = min(max(a, -1), 1)
 * velocity += force * 0.0015 - 0.0025 * cos(3 position);  clipped to [-0.07, 0.07]
 * position += velocity;                                   clipped to [-1.2, 0.6]
 * if position == -1.2 and velocity &lt; 0: velocity = 0
 * </pre>
 * The episode terminates once {@code position >= 0.45} (this version's goal, lower than
 * {@code MountainCar-v0}'s 0.5) and {@code velocity >= 0}. The reward is {@code -0.1 a^2}, plus
 * 100 on the terminating step; as in Gymnasium the penalty squares the action as given, before
 * clipping, so agents that clip their actions to the space (as stable-baselines3 does) pay at
 * most 0.1 per step. Stepping after termination throws {@link IllegalStateException}.
 *
 * <p>As in Gymnasium, the action is a float32, the state is float64 after a reset and float32
 * after every step (and then computed in float32, as NumPy does), and observations and bounds are
 * float32 values (held in doubles); steps agree with Gymnasium's bit for bit (the conformance
 * suite of acktr-envs-gymnasium). The random generator is a {@link SplittableRandom} rather than
 * NumPy's. The
 * time limit of 999 steps is applied by
 * {@link io.acktr.envs.providers.MountainCarContinuousProvider}.
 */
public final class MountainCarContinuous extends SeededEnvironment implements RestorableEnvironment {
    public static final String ID = "MountainCarContinuous-v0";

    static final double MIN_ACTION = -1.0;
    static final double MAX_ACTION = 1.0;
    static final double MIN_POSITION = -1.2;
    static final double MAX_POSITION = 0.6;
    static final double MAX_SPEED = 0.07;
    static final double GOAL_POSITION = 0.45;
    static final double GOAL_VELOCITY = 0.0;
    static final double POWER = 0.0015;
    static final double GRAVITY = 0.0025;
    static final double GOAL_REWARD = 100.0;
    static final double ACTION_COST = 0.1;
    static final double RESET_LOW = -0.6;
    static final double RESET_HIGH = -0.4;

    private static final BoxSpace ACTION_SPACE = BoxSpace.uniform(MIN_ACTION, MAX_ACTION, 1);
    private static final BoxSpace OBSERVATION_SPACE = new BoxSpace(
            Float32.round(MIN_POSITION, -MAX_SPEED), Float32.round(MAX_POSITION, MAX_SPEED), new int[] {2});

    private final ElementaryFunctions functions;
    private double position;
    private double velocity;
    private boolean started;
    private boolean terminated;
    /** Whether the state is float32, as Gymnasium stores it after a step (reset leaves it float64). */
    private boolean float32State;

    /** An environment whose generator is unseeded until the first {@link #reset(long)}. */
    public MountainCarContinuous() {
        this(new SplittableRandom());
    }

    MountainCarContinuous(SplittableRandom random) {
        this(random, ElementaryFunctions.JAVA);
    }

    /** An environment whose dynamics use the sine, cosine and squares of {@code functions}; for conformance tests. */
    MountainCarContinuous(SplittableRandom random, ElementaryFunctions functions) {
        super(ID, OBSERVATION_SPACE, ACTION_SPACE, random);
        this.functions = requireNonNull(functions, "functions is null");
    }

    @Override
    public double[] reset() {
        position = random().nextDouble(RESET_LOW, RESET_HIGH);
        velocity = 0.0;
        started = true;
        terminated = false;
        float32State = false;
        return Float32.round(position, velocity);
    }

    /** Puts the car at {@code [position, velocity]}, like assigning {@code env.unwrapped.state}. */
    public void setState(double[] newState) {
        requireNonNull(newState, "newState is null");
        if (newState.length != 2) {
            throw new IllegalArgumentException(ID + " state has 2 elements, got " + newState.length);
        }
        position = newState[0];
        velocity = newState[1];
        started = true;
        terminated = false;
        float32State = false;
    }

    @Override
    public StepResult step(double[] action) {
        ACTION_SPACE.checkAction(action, ID);
        if (!started) {
            throw new IllegalStateException(ID + ": step() called before reset(); call reset() first");
        }
        if (terminated) {
            throw new IllegalStateException(ID + ": step() called after the episode terminated; call reset()");
        }
        // Gymnasium's precision, step for step: the action is float32 (its space's dtype); the state is
        // float64 after reset and float32 after every step, and NumPy computes with a float32 scalar
        // and a Python float in float32 (the float rounded first), comparisons included.
        float a = (float) action[0];
        boolean clipped = a < MIN_ACTION || a > MAX_ACTION;
        double cosine = GRAVITY * functions.cos(float32State ? (double) (3f * (float) position) : 3 * position);
        if (float32State) {
            float increment = clipped ? (float) (Math.max(MIN_ACTION, Math.min(MAX_ACTION, a)) * POWER - cosine)
                    : a * (float) POWER - (float) cosine;
            float v = (float) velocity + increment;
            float p = (float) position;
            v = v > (float) MAX_SPEED ? (float) MAX_SPEED : v;
            v = v < (float) -MAX_SPEED ? (float) -MAX_SPEED : v;
            p = p + v;
            p = p > (float) MAX_POSITION ? (float) MAX_POSITION : p;
            p = p < (float) MIN_POSITION ? (float) MIN_POSITION : p;
            if (p == (float) MIN_POSITION && v < 0) {
                v = 0;
            }
            position = p;
            velocity = v;
            terminated = p >= (float) GOAL_POSITION && v >= GOAL_VELOCITY;
        } else {
            double increment = clipped ? Math.max(MIN_ACTION, Math.min(MAX_ACTION, a)) * POWER - cosine
                    : (double) ((float) (a * (float) POWER) - (float) cosine);
            velocity += increment;
            if (velocity > MAX_SPEED) {
                velocity = MAX_SPEED;
            }
            if (velocity < -MAX_SPEED) {
                velocity = -MAX_SPEED;
            }
            position += velocity;
            if (position > MAX_POSITION) {
                position = MAX_POSITION;
            }
            if (position < MIN_POSITION) {
                position = MIN_POSITION;
            }
            if (position == MIN_POSITION && velocity < 0) {
                velocity = 0;
            }
            terminated = position >= GOAL_POSITION && velocity >= GOAL_VELOCITY;
            position = Float32.round(position);
            velocity = Float32.round(velocity);
            float32State = true;
        }
        double reward = terminated ? GOAL_REWARD : 0.0;
        reward -= (double) a * a * ACTION_COST;
        return new StepResult(new double[] {position, velocity}, reward, terminated, false);
    }

    /** Gymnasium's 600 x 400 picture of the hill, the car and the flag, drawn without anti-aliasing. */
    @Override
    public RgbFrame render() {
        if (!started) {
            throw new IllegalStateException(ID + ": render() called before reset(); call reset() first");
        }
        return MountainCarDrawing.draw(position, GOAL_POSITION);
    }

    /** The generator, the dynamics' state and the episode's flags, mid-episode or not. */
    @Override
    public SavedState saveState() {
        return new CarState(position, velocity, started, terminated).addTo(savedRandom())
                .with("float32-state", float32State);
    }

    @Override
    public void restoreState(SavedState saved) {
        CarState car = CarState.of(restoreRandom(saved));
        position = car.position();
        velocity = car.velocity();
        started = car.started();
        terminated = car.terminated();
        float32State = saved.flag("float32-state");
    }
}
