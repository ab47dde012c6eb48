package io.acktr.envs.classic;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.StepResult;

import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * A port of Gymnasium's {@code Pendulum-v1} ({@code gymnasium/envs/classic_control/pendulum.py}).
 * The state is {@code [theta, theta_dot]} with theta 0 upright; the observation is
 * {@code [cos theta, sin theta, theta_dot]}. The torque is clipped to {@code [-2, 2]}, the reward
 * is {@code -(normalize(theta)^2 + 0.1 theta_dot^2 + 0.001 u^2)} measured before the move, and
 * the episode never terminates; the 200-step limit is applied by
 * {@link io.acktr.envs.providers.PendulumProvider}.
 *
 * <p>Differences from the reference: observations are doubles (Gymnasium uses float32) and the
 * random generator is a {@link SplittableRandom} rather than NumPy's.
 */
public final class Pendulum extends SeededEnvironment {
    public static final String ID = "Pendulum-v1";

    static final double MAX_SPEED = 8.0;
    static final double MAX_TORQUE = 2.0;
    static final double DT = 0.05;
    static final double G = 10.0;
    static final double M = 1.0;
    static final double L = 1.0;
    static final double RESET_THETA = Math.PI;
    static final double RESET_THETA_DOT = 1.0;

    private static final BoxSpace ACTION_SPACE = BoxSpace.uniform(-MAX_TORQUE, MAX_TORQUE, 1);
    private static final BoxSpace OBSERVATION_SPACE = new BoxSpace(
            new double[] {-1.0, -1.0, -MAX_SPEED}, new double[] {1.0, 1.0, MAX_SPEED}, new int[] {3});

    private double theta;
    private double thetaDot;
    private boolean started;

    /** An environment whose generator is unseeded until the first {@link #reset(long)}. */
    public Pendulum() {
        this(new SplittableRandom());
    }

    Pendulum(SplittableRandom random) {
        super(ID, OBSERVATION_SPACE, ACTION_SPACE, random);
    }

    @Override
    public double[] reset() {
        theta = random().nextDouble(-RESET_THETA, RESET_THETA);
        thetaDot = random().nextDouble(-RESET_THETA_DOT, RESET_THETA_DOT);
        started = true;
        return observation();
    }

    /** Puts the pendulum at {@code [theta, theta_dot]}, like assigning {@code env.unwrapped.state}. */
    public void setState(double[] newState) {
        requireNonNull(newState, "newState is null");
        if (newState.length != 2) {
            throw new IllegalArgumentException(ID + " state has 2 elements, got " + newState.length);
        }
        theta = newState[0];
        thetaDot = newState[1];
        started = true;
    }

    @Override
    public StepResult step(double[] action) {
        ACTION_SPACE.checkAction(action, ID);
        if (!started) {
            throw new IllegalStateException(ID + ": step() called before reset(); call reset() first");
        }
        double u = Math.max(-MAX_TORQUE, Math.min(MAX_TORQUE, action[0]));
        double normalized = angleNormalize(theta);
        double cost = normalized * normalized + 0.1 * thetaDot * thetaDot + 0.001 * u * u;

        double newThetaDot = thetaDot + (3 * G / (2 * L) * Math.sin(theta) + 3.0 / (M * L * L) * u) * DT;
        newThetaDot = Math.max(-MAX_SPEED, Math.min(MAX_SPEED, newThetaDot));
        theta = theta + newThetaDot * DT;
        thetaDot = newThetaDot;
        return new StepResult(observation(), -cost, false, false);
    }

    /** Python's {@code ((x + pi) % (2 pi)) - pi}, with Python's sign-of-divisor remainder. */
    static double angleNormalize(double x) {
        double period = 2 * Math.PI;
        double remainder = (x + Math.PI) % period;
        if (remainder < 0) {
            remainder += period;
        }
        return remainder - Math.PI;
    }

    private double[] observation() {
        return new double[] {Math.cos(theta), Math.sin(theta), thetaDot};
    }
}
