package io.acktr.envs.classic;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.RgbFrame;
import io.acktr.api.env.RestorableEnvironment;
import io.acktr.api.env.StepResult;
import io.acktr.api.state.SavedState;
import io.acktr.envs.core.SeededEnvironment;
import io.acktr.envs.render.Canvas;

import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * A port of Gymnasium's {@code Acrobot-v1} ({@code gymnasium/envs/classic_control/acrobot.py})
 * with the book dynamics (Sutton and Barto), no torque noise and one fourth-order Runge-Kutta
 * step of 0.2 s per action, written in the same order of operations as Gymnasium's {@code rk4}.
 * The state is {@code [theta1, theta2, theta1_dot, theta2_dot]}, with theta1 0 when the first link
 * hangs straight down and theta2 relative to the first link; the observation is
 * {@code [cos theta1, sin theta1, cos theta2, sin theta2, theta1_dot, theta2_dot]}. Actions 0, 1
 * and 2 apply torque -1, 0 and +1 to the joint between the links. After the integration step the
 * angles are wrapped into {@code [-pi, pi]} and the speeds bounded to {@code 4 pi} and
 * {@code 9 pi}. The episode terminates when the free end rises above the goal line,
 * {@code -cos theta1 - cos(theta2 + theta1) > 1}; the reward is -1 on every other step and 0 on
 * the terminating one. Stepping after termination throws {@link IllegalStateException}.
 *
 * <p>As in Gymnasium, the initial state is rounded to float32, the dynamics run in float64 and
 * observations and bounds are float32 values (held in doubles); steps agree with Gymnasium's bit
 * for bit (the conformance suite of acktr-envs-gymnasium). The random generator is a
 * {@link SplittableRandom} rather than NumPy's, so a seed gives another start from the same range. The time limit of 500 steps is applied by
 * {@link io.acktr.envs.providers.AcrobotProvider}. {@link #render()} draws Gymnasium's
 * 500 x 500 picture of the two links and the goal line.
 */
public final class Acrobot extends SeededEnvironment implements RestorableEnvironment {
    public static final String ID = "Acrobot-v1";

    static final double DT = 0.2;
    static final double LINK_LENGTH_1 = 1.0;
    static final double LINK_LENGTH_2 = 1.0;
    static final double LINK_MASS_1 = 1.0;
    static final double LINK_MASS_2 = 1.0;
    /** Position of the centre of mass of link 1, measured from its joint. */
    static final double LINK_COM_POS_1 = 0.5;
    /** Position of the centre of mass of link 2, measured from its joint. */
    static final double LINK_COM_POS_2 = 0.5;
    /** Moment of inertia of both links. */
    static final double LINK_MOI = 1.0;
    static final double GRAVITY = 9.8;
    static final double MAX_VEL_1 = 4 * Math.PI;
    static final double MAX_VEL_2 = 9 * Math.PI;
    static final double[] AVAIL_TORQUE = {-1.0, 0.0, 1.0};
    static final double RESET_BOUND = 0.1;
    static final int SCREEN_DIM = 500;

    private static final DiscreteSpace ACTION_SPACE = new DiscreteSpace(3);
    private static final BoxSpace OBSERVATION_SPACE = new BoxSpace(
            Float32.round(-1.0, -1.0, -1.0, -1.0, -MAX_VEL_1, -MAX_VEL_2),
            Float32.round(1.0, 1.0, 1.0, 1.0, MAX_VEL_1, MAX_VEL_2),
            new int[] {6});

    private final ElementaryFunctions functions;
    private double[] state;
    private boolean terminated;

    /** An environment whose generator is unseeded until the first {@link #reset(long)}. */
    public Acrobot() {
        this(new SplittableRandom());
    }

    Acrobot(SplittableRandom random) {
        this(random, ElementaryFunctions.JAVA);
    }

    /** An environment whose dynamics use the sine, cosine and squares of {@code functions}; for conformance tests. */
    Acrobot(SplittableRandom random, ElementaryFunctions functions) {
        super(ID, OBSERVATION_SPACE, ACTION_SPACE, random);
        this.functions = requireNonNull(functions, "functions is null");
    }

    @Override
    public double[] reset() {
        state = new double[4];
        for (int i = 0; i < state.length; i++) {
            state[i] = Float32.round(random().nextDouble(-RESET_BOUND, RESET_BOUND)); // Gymnasium: .astype(np.float32)
        }
        terminated = false;
        return observation();
    }

    /**
     * Puts the acrobot in {@code [theta1, theta2, theta1_dot, theta2_dot]} as if an episode had
     * just reached it, like assigning {@code env.unwrapped.state} in Gymnasium. For tests and replays.
     */
    public void setState(double[] newState) {
        requireNonNull(newState, "newState is null");
        if (newState.length != 4) {
            throw new IllegalArgumentException(ID + " state has 4 elements, got " + newState.length);
        }
        state = newState.clone();
        terminated = false;
    }

    @Override
    public StepResult step(double[] action) {
        int index = ACTION_SPACE.index(action, ID);
        if (state == null) {
            throw new IllegalStateException(ID + ": step() called before reset(); call reset() first");
        }
        if (terminated) {
            throw new IllegalStateException(ID + ": step() called after the episode terminated; call reset()");
        }
        double torque = AVAIL_TORQUE[index];

        double[] next = rk4(state, torque, functions);
        next[0] = wrap(next[0], -Math.PI, Math.PI);
        next[1] = wrap(next[1], -Math.PI, Math.PI);
        next[2] = bound(next[2], -MAX_VEL_1, MAX_VEL_1);
        next[3] = bound(next[3], -MAX_VEL_2, MAX_VEL_2);
        state = next;

        terminated = -functions.cos(state[0]) - functions.cos(state[1] + state[0]) > 1.0;
        return new StepResult(observation(), terminated ? 0.0 : -1.0, terminated, false);
    }

    /** {@code [theta1, theta2, theta1_dot, theta2_dot]}, or null before the first reset. */
    double[] state() {
        return state == null ? null : state.clone();
    }

    /**
     * Gymnasium's {@code rk4(self._dsdt, s_augmented, [0, dt])}: one classical Runge-Kutta step
     * of length {@link #DT}. The torque, the fifth component of Gymnasium's augmented state, has
     * derivative 0 and is passed along unchanged.
     */
    static double[] rk4(double[] y0, double torque) {
        return rk4(y0, torque, ElementaryFunctions.JAVA);
    }

    static double[] rk4(double[] y0, double torque, ElementaryFunctions functions) {
        double dt = DT; // t[1] - t[0] with t = [0, dt]
        double dt2 = dt / 2.0;
        double[] k1 = dsdt(y0, torque, functions);
        double[] k2 = dsdt(plus(y0, dt2, k1), torque, functions);
        double[] k3 = dsdt(plus(y0, dt2, k2), torque, functions);
        double[] k4 = dsdt(plus(y0, dt, k3), torque, functions);
        double[] out = new double[4];
        for (int i = 0; i < 4; i++) {
            out[i] = y0[i] + dt / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
        return out;
    }

    /** Gymnasium's {@code _dsdt} with {@code book_or_nips = "book"}, term by term. */
    static double[] dsdt(double[] s, double a) {
        return dsdt(s, a, ElementaryFunctions.JAVA);
    }

    static double[] dsdt(double[] s, double a, ElementaryFunctions functions) {
        double m1 = LINK_MASS_1;
        double m2 = LINK_MASS_2;
        double l1 = LINK_LENGTH_1;
        double lc1 = LINK_COM_POS_1;
        double lc2 = LINK_COM_POS_2;
        double i1 = LINK_MOI;
        double i2 = LINK_MOI;
        double g = GRAVITY;
        double theta1 = s[0];
        double theta2 = s[1];
        double dtheta1 = s[2];
        double dtheta2 = s[3];
        double d1 = m1 * (lc1 * lc1) + m2 * (l1 * l1 + lc2 * lc2 + 2 * l1 * lc2 * functions.cos(theta2)) + i1 + i2;
        double d2 = m2 * (lc2 * lc2 + l1 * lc2 * functions.cos(theta2)) + i2;
        double phi2 = m2 * lc2 * g * functions.cos(theta1 + theta2 - Math.PI / 2.0);
        double phi1 = -m2 * l1 * lc2 * functions.square(dtheta2) * functions.sin(theta2)
                - 2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * functions.sin(theta2)
                + (m1 * lc1 + m2 * l1) * g * functions.cos(theta1 - Math.PI / 2)
                + phi2;
        double ddtheta2 = (a + d2 / d1 * phi1 - m2 * l1 * lc2 * functions.square(dtheta1) * functions.sin(theta2) - phi2)
                / (m2 * (lc2 * lc2) + i2 - functions.square(d2) / d1);
        double ddtheta1 = -(d2 * ddtheta2 + phi1) / d1;
        return new double[] {dtheta1, dtheta2, ddtheta1, ddtheta2};
    }

    /** Gymnasium's {@code wrap}: shifts {@code x} by whole periods {@code max - min} into {@code [min, max]}. */
    static double wrap(double x, double min, double max) {
        double diff = max - min;
        while (x > max) {
            x = x - diff;
        }
        while (x < min) {
            x = x + diff;
        }
        return x;
    }

    /** Gymnasium's {@code bound}: {@code min(max(x, min), max)}. */
    static double bound(double x, double min, double max) {
        return Math.min(Math.max(x, min), max);
    }

    /** Gymnasium's {@code render()} picture, drawn without anti-aliasing. */
    @Override
    public RgbFrame render() {
        if (state == null) {
            throw new IllegalStateException(ID + ": render() called before reset(); call reset() first");
        }
        double bound = LINK_LENGTH_1 + LINK_LENGTH_2 + 0.2;
        double scale = SCREEN_DIM / (bound * 2);
        double offset = SCREEN_DIM / 2.0;
        // Gymnasium computes the joints as (-l cos, l sin) and then swaps the coordinates.
        double x1 = LINK_LENGTH_1 * Math.sin(state[0]) * scale;
        double y1 = -LINK_LENGTH_1 * Math.cos(state[0]) * scale;
        double[] jointX = {0, x1};
        double[] jointY = {0, y1};
        double[] linkAngles = {state[0] - Math.PI / 2, state[0] + state[1] - Math.PI / 2};
        double[] linkLengths = {LINK_LENGTH_1 * scale, LINK_LENGTH_2 * scale};

        Canvas canvas = new Canvas(SCREEN_DIM, SCREEN_DIM, Canvas.WHITE);
        canvas.line(-bound * scale + offset, 1 * scale + offset, bound * scale + offset, 1 * scale + offset, Canvas.BLACK);
        for (int i = 0; i < 2; i++) {
            double x = jointX[i] + offset;
            double y = jointY[i] + offset;
            canvas.fillRotatedRectangle(0, linkLengths[i], -0.1 * scale, 0.1 * scale, linkAngles[i], x, y, 0x00CCCC);
            canvas.fillCircle(x, y, 0.1 * scale, 0xCCCC00);
        }
        return canvas.frame();
    }

    private static double[] plus(double[] y, double h, double[] k) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] + h * k[i];
        }
        return out;
    }

    private double[] observation() {
        return Float32.round(functions.cos(state[0]), functions.sin(state[0]), functions.cos(state[1]),
                functions.sin(state[1]), state[2], state[3]);
    }

    /** The generator, the dynamics' state and the episode's flags, mid-episode or not. */
    @Override
    public SavedState saveState() {
        return savedEpisode(state, terminated);
    }

    @Override
    public void restoreState(SavedState saved) {
        Episode episode = restoreEpisode(saved, 4);
        state = episode.state();
        terminated = episode.terminated();
    }
}
