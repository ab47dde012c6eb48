package io.acktr.envs.classic;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.RgbFrame;
import io.acktr.api.env.RestorableEnvironment;
import io.acktr.api.env.StepResult;
import io.acktr.api.state.SavedState;
import io.acktr.envs.core.SeededEnvironment;

import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * A port of Gymnasium's {@code MountainCar-v0} ({@code gymnasium/envs/classic_control/mountain_car.py}).
 * The state is {@code [position, velocity]} in a valley of height {@code sin(3 position)}; actions
 * 0, 1 and 2 accelerate left, not at all and right. One step is
 * <pre>
 * velocity += (action - 1) * 0.001 + cos(3 position) * (-0.0025);  clipped to [-0.07, 0.07]
 * position += velocity;                                             clipped to [-1.2, 0.6]
 * if position == -1.2 and velocity &lt; 0: velocity = 0                (inelastic left wall)
 * </pre>
 * and the episode terminates once {@code position >= 0.5} and {@code velocity >= 0} (Gymnasium's
 * default {@code goal_velocity}). The reward is -1 on every step, including the terminating one;
 * stepping after termination throws {@link IllegalStateException}. Episodes start at rest at a
 * position drawn uniformly from {@code [-0.6, -0.4)}.
 *
 * <p>As in Gymnasium, the state is kept in float64 and observations and bounds are float32 values
 * (held in doubles); steps agree with Gymnasium's bit for bit (the conformance suite of
 * acktr-envs-gymnasium). The random generator is a {@link SplittableRandom} rather than NumPy's. The time limit of
 * 200 steps is applied by {@link io.acktr.envs.providers.MountainCarProvider}.
 */
public final class MountainCar extends SeededEnvironment implements RestorableEnvironment {
    public static final String ID = "MountainCar-v0";

    static final double MIN_POSITION = -1.2;
    static final double MAX_POSITION = 0.6;
    static final double MAX_SPEED = 0.07;
    static final double GOAL_POSITION = 0.5;
    static final double GOAL_VELOCITY = 0.0;
    static final double FORCE = 0.001;
    static final double GRAVITY = 0.0025;
    static final double RESET_LOW = -0.6;
    static final double RESET_HIGH = -0.4;

    private static final DiscreteSpace ACTION_SPACE = new DiscreteSpace(3);
    private static final BoxSpace OBSERVATION_SPACE = new BoxSpace(
            Float32.round(MIN_POSITION, -MAX_SPEED), Float32.round(MAX_POSITION, MAX_SPEED), new int[] {2});

    private final ElementaryFunctions functions;
    private double position;
    private double velocity;
    private boolean started;
    private boolean terminated;

    /** An environment whose generator is unseeded until the first {@link #reset(long)}. */
    public MountainCar() {
        this(new SplittableRandom());
    }

    MountainCar(SplittableRandom random) {
        this(random, ElementaryFunctions.JAVA);
    }

    /** An environment whose dynamics use the sine, cosine and squares of {@code functions}; for conformance tests. */
    MountainCar(SplittableRandom random, ElementaryFunctions functions) {
        super(ID, OBSERVATION_SPACE, ACTION_SPACE, random);
        this.functions = requireNonNull(functions, "functions is null");
    }

    @Override
    public double[] reset() {
        position = random().nextDouble(RESET_LOW, RESET_HIGH);
        velocity = 0.0;
        started = true;
        terminated = false;
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
    }

    @Override
    public StepResult step(double[] action) {
        int index = ACTION_SPACE.index(action, ID);
        if (!started) {
            throw new IllegalStateException(ID + ": step() called before reset(); call reset() first");
        }
        if (terminated) {
            throw new IllegalStateException(ID + ": step() called after the episode terminated; call reset()");
        }
        velocity += (index - 1) * FORCE + functions.cos(3 * position) * (-GRAVITY);
        velocity = clip(velocity, -MAX_SPEED, MAX_SPEED);
        position += velocity;
        position = clip(position, MIN_POSITION, MAX_POSITION);
        if (position == MIN_POSITION && velocity < 0) {
            velocity = 0;
        }
        terminated = position >= GOAL_POSITION && velocity >= GOAL_VELOCITY;
        return new StepResult(Float32.round(position, velocity), -1.0, terminated, false);
    }

    /** Gymnasium's 600 x 400 picture of the hill, the car and the flag, drawn without anti-aliasing. */
    @Override
    public RgbFrame render() {
        if (!started) {
            throw new IllegalStateException(ID + ": render() called before reset(); call reset() first");
        }
        return MountainCarDrawing.draw(position, GOAL_POSITION);
    }

    /** NumPy's {@code clip(x, low, high)} for scalars. */
    static double clip(double x, double low, double high) {
        return Math.min(Math.max(x, low), high);
    }

    /** The generator, the dynamics' state and the episode's flags, mid-episode or not. */
    @Override
    public SavedState saveState() {
        return new CarState(position, velocity, started, terminated).addTo(savedRandom());
    }

    @Override
    public void restoreState(SavedState saved) {
        CarState car = CarState.of(restoreRandom(saved));
        position = car.position();
        velocity = car.velocity();
        started = car.started();
        terminated = car.terminated();
    }
}
