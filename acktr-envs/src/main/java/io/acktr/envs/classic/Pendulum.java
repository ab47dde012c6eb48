package io.acktr.envs.classic;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.RgbFrame;
import io.acktr.api.env.RestorableEnvironment;
import io.acktr.api.env.StepResult;
import io.acktr.api.state.SavedState;
import io.acktr.envs.core.SeededEnvironment;
import io.acktr.envs.render.Canvas;

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
 * <p>As in Gymnasium, the state is kept in float64, the action and the terms NumPy computes from it
 * in float32, and observations and bounds are float32 values (held in doubles); steps agree with
 * Gymnasium's bit for bit (the conformance suite of acktr-envs-gymnasium). The random generator is
 * a {@link SplittableRandom} rather than NumPy's. {@link #render()} draws
 * Gymnasium's 500 x 500 picture of the rod, with a bar under the axle for the last torque in
 * place of Gymnasium's curved arrow image.
 */
public final class Pendulum extends SeededEnvironment implements RestorableEnvironment {
    public static final String ID = "Pendulum-v1";

    static final double MAX_SPEED = 8.0;
    static final double MAX_TORQUE = 2.0;
    static final double DT = 0.05;
    static final double G = 10.0;
    static final double M = 1.0;
    static final double L = 1.0;
    static final double RESET_THETA = Math.PI;
    static final double RESET_THETA_DOT = 1.0;
    static final int SCREEN_DIM = 500;

    private static final BoxSpace ACTION_SPACE = BoxSpace.uniform(-MAX_TORQUE, MAX_TORQUE, 1);
    private static final BoxSpace OBSERVATION_SPACE = new BoxSpace(
            Float32.round(-1.0, -1.0, -MAX_SPEED), Float32.round(1.0, 1.0, MAX_SPEED), new int[] {3});

    private final ElementaryFunctions functions;
    private double theta;
    private double thetaDot;
    private boolean started;
    /** The clipped torque of the last step, NaN before the first step of an episode. */
    private double lastTorque = Double.NaN;

    /** An environment whose generator is unseeded until the first {@link #reset(long)}. */
    public Pendulum() {
        this(new SplittableRandom());
    }

    Pendulum(SplittableRandom random) {
        this(random, ElementaryFunctions.JAVA);
    }

    /** An environment whose dynamics use the sine, cosine and squares of {@code functions}; for conformance tests. */
    Pendulum(SplittableRandom random, ElementaryFunctions functions) {
        super(ID, OBSERVATION_SPACE, ACTION_SPACE, random);
        this.functions = requireNonNull(functions, "functions is null");
    }

    @Override
    public double[] reset() {
        theta = random().nextDouble(-RESET_THETA, RESET_THETA);
        thetaDot = random().nextDouble(-RESET_THETA_DOT, RESET_THETA_DOT);
        started = true;
        lastTorque = Double.NaN;
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
        lastTorque = Double.NaN;
    }

    @Override
    public StepResult step(double[] action) {
        ACTION_SPACE.checkAction(action, ID);
        if (!started) {
            throw new IllegalStateException(ID + ": step() called before reset(); call reset() first");
        }
        // Gymnasium's precision: the action is float32 (its space's dtype), so is the clipped torque u,
        // and NumPy keeps u's products with Python floats in float32 (0.001 * u**2 and 3.0 * u)
        float u = Math.max((float) -MAX_TORQUE, Math.min((float) MAX_TORQUE, (float) action[0]));
        lastTorque = u;
        double normalized = angleNormalize(theta);
        double cost = functions.square(normalized) + 0.1 * functions.square(thetaDot) + (double) (0.001f * functions.square(u));

        double newThetaDot = thetaDot + (3 * G / (2 * L) * functions.sin(theta) + (double) ((float) (3.0 / (M * L * L)) * u)) * DT;
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
        return Float32.round(functions.cos(theta), functions.sin(theta), thetaDot);
    }

    /** Gymnasium's {@code render()} picture, drawn without anti-aliasing. */
    @Override
    public RgbFrame render() {
        if (!started) {
            throw new IllegalStateException(ID + ": render() called before reset(); call reset() first");
        }
        double bound = 2.2;
        double scale = SCREEN_DIM / (bound * 2);
        double offset = SCREEN_DIM / 2.0;
        double rodLength = L * scale;
        double rodWidth = 0.2 * scale;
        double angle = theta + Math.PI / 2;
        int rodColour = 0xCC4D4D;

        Canvas canvas = new Canvas(SCREEN_DIM, SCREEN_DIM, Canvas.WHITE);
        canvas.fillRotatedRectangle(0, rodLength, -rodWidth / 2, rodWidth / 2, angle, offset, offset, rodColour);
        canvas.fillCircle(offset, offset, rodWidth / 2, rodColour);
        canvas.fillCircle(offset + rodLength * Math.cos(angle), offset + rodLength * Math.sin(angle), rodWidth / 2, rodColour);
        if (!Double.isNaN(lastTorque)) {
            double barLength = lastTorque / MAX_TORQUE * 0.5 * scale;
            canvas.fillRotatedRectangle(Math.min(0, barLength), Math.max(0, barLength), -3, 3, 0, offset, 0.25 * scale, Canvas.BLACK);
        }
        canvas.fillCircle(offset, offset, 0.05 * scale, Canvas.BLACK);
        return canvas.frame();
    }

    /** The generator, the dynamics' state and the episode's flags, mid-episode or not. */
    @Override
    public SavedState saveState() {
        return savedRandom().with("theta", theta).with("theta-dot", thetaDot).with("started", started)
                .with("last-torque", lastTorque);
    }

    @Override
    public void restoreState(SavedState saved) {
        restoreRandom(saved);
        theta = saved.scalar("theta");
        thetaDot = saved.scalar("theta-dot");
        started = saved.flag("started");
        lastTorque = saved.scalar("last-torque");
    }
}
