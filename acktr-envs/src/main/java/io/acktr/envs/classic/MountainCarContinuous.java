package io.acktr.envs.classic;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.RgbFrame;
import io.acktr.api.env.StepResult;
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
 * <p>Differences from the reference: the state and observations stay doubles (Gymnasium stores
 * the state as float32 after every step, so its trajectories agree with these to float32
 * precision), and the random generator is a {@link SplittableRandom} rather than NumPy's. The
 * time limit of 999 steps is applied by
 * {@link io.acktr.envs.providers.MountainCarContinuousProvider}.
 */
public final class MountainCarContinuous extends SeededEnvironment {
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
            new double[] {MIN_POSITION, -MAX_SPEED}, new double[] {MAX_POSITION, MAX_SPEED}, new int[] {2});

    private double position;
    private double velocity;
    private boolean started;
    private boolean terminated;

    /** An environment whose generator is unseeded until the first {@link #reset(long)}. */
    public MountainCarContinuous() {
        this(new SplittableRandom());
    }

    MountainCarContinuous(SplittableRandom random) {
        super(ID, OBSERVATION_SPACE, ACTION_SPACE, random);
    }

    @Override
    public double[] reset() {
        position = random().nextDouble(RESET_LOW, RESET_HIGH);
        velocity = 0.0;
        started = true;
        terminated = false;
        return new double[] {position, velocity};
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
        ACTION_SPACE.checkAction(action, ID);
        if (!started) {
            throw new IllegalStateException(ID + ": step() called before reset(); call reset() first");
        }
        if (terminated) {
            throw new IllegalStateException(ID + ": step() called after the episode terminated; call reset()");
        }
        double force = Math.min(Math.max(action[0], MIN_ACTION), MAX_ACTION);

        velocity += force * POWER - GRAVITY * Math.cos(3 * position);
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
        double reward = terminated ? GOAL_REWARD : 0.0;
        reward -= action[0] * action[0] * ACTION_COST;
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
}
