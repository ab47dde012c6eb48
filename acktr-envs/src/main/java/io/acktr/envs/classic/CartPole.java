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
 * A port of Gymnasium's {@code CartPole-v1} ({@code gymnasium/envs/classic_control/cartpole.py})
 * with the Euler integrator. The state is {@code [x, x_dot, theta, theta_dot]}; action 1 pushes
 * the cart right with force 10, action 0 pushes it left. The reward is 1 on every step, including
 * the step that terminates; stepping again after termination throws {@link IllegalStateException}.
 *
 * <p>As in Gymnasium, the state is kept in float64 and observations and bounds are float32 values
 * (held in doubles); steps agree with Gymnasium's bit for bit (checked by the conformance suite of
 * acktr-envs-gymnasium). The random generator is a {@link SplittableRandom} rather than NumPy's, so
 * a seed gives another start than in Gymnasium, from the same range.
 * The time limit of 500 steps is applied by {@link io.acktr.envs.providers.CartPoleProvider}.
 * {@link #render()} draws Gymnasium's 600 x 400 picture: the track, the cart and the pole.
 */
public final class CartPole extends SeededEnvironment implements RestorableEnvironment {
    public static final String ID = "CartPole-v1";

    static final double GRAVITY = 9.8;
    static final double MASS_CART = 1.0;
    static final double MASS_POLE = 0.1;
    static final double TOTAL_MASS = MASS_POLE + MASS_CART;
    /** Half the pole's length. */
    static final double LENGTH = 0.5;
    static final double POLE_MASS_LENGTH = MASS_POLE * LENGTH;
    static final double FORCE_MAG = 10.0;
    static final double TAU = 0.02;
    static final double THETA_THRESHOLD_RADIANS = 12 * 2 * Math.PI / 360;
    static final double X_THRESHOLD = 2.4;
    static final double RESET_BOUND = 0.05;
    static final int SCREEN_WIDTH = 600;
    static final int SCREEN_HEIGHT = 400;

    private static final DiscreteSpace ACTION_SPACE = new DiscreteSpace(2);
    private static final BoxSpace OBSERVATION_SPACE = new BoxSpace(
            Float32.round(-X_THRESHOLD * 2, Double.NEGATIVE_INFINITY, -THETA_THRESHOLD_RADIANS * 2, Double.NEGATIVE_INFINITY),
            Float32.round(X_THRESHOLD * 2, Double.POSITIVE_INFINITY, THETA_THRESHOLD_RADIANS * 2, Double.POSITIVE_INFINITY),
            new int[] {4});

    private final ElementaryFunctions functions;
    private double[] state;
    private boolean terminated;

    /** An environment whose generator is unseeded until the first {@link #reset(long)}. */
    public CartPole() {
        this(new SplittableRandom());
    }

    CartPole(SplittableRandom random) {
        this(random, ElementaryFunctions.JAVA);
    }

    /** An environment whose dynamics use the sine, cosine and squares of {@code functions}; for conformance tests. */
    CartPole(SplittableRandom random, ElementaryFunctions functions) {
        super(ID, OBSERVATION_SPACE, ACTION_SPACE, random);
        this.functions = requireNonNull(functions, "functions is null");
    }

    @Override
    public double[] reset() {
        state = new double[4];
        for (int i = 0; i < state.length; i++) {
            state[i] = random().nextDouble(-RESET_BOUND, RESET_BOUND);
        }
        terminated = false;
        return Float32.round(state);
    }

    /**
     * Puts the environment in {@code [x, x_dot, theta, theta_dot]} as if an episode had just
     * reached it, like assigning {@code env.unwrapped.state} in Gymnasium. For tests and replays.
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
        double x = state[0];
        double xDot = state[1];
        double theta = state[2];
        double thetaDot = state[3];

        double force = index == 1 ? FORCE_MAG : -FORCE_MAG;
        double cosTheta = functions.cos(theta);
        double sinTheta = functions.sin(theta);
        // Gymnasium's order of operations: np.square(theta_dot) and np.square(costheta) first
        double temp = (force + POLE_MASS_LENGTH * (thetaDot * thetaDot) * sinTheta) / TOTAL_MASS;
        double thetaAcc = (GRAVITY * sinTheta - cosTheta * temp)
                / (LENGTH * (4.0 / 3.0 - MASS_POLE * (cosTheta * cosTheta) / TOTAL_MASS));
        double xAcc = temp - POLE_MASS_LENGTH * thetaAcc * cosTheta / TOTAL_MASS;

        x = x + TAU * xDot;
        xDot = xDot + TAU * xAcc;
        theta = theta + TAU * thetaDot;
        thetaDot = thetaDot + TAU * thetaAcc;
        state = new double[] {x, xDot, theta, thetaDot};

        terminated = x < -X_THRESHOLD || x > X_THRESHOLD
                || theta < -THETA_THRESHOLD_RADIANS || theta > THETA_THRESHOLD_RADIANS;
        return new StepResult(Float32.round(state), 1.0, terminated, false);
    }

    /** Gymnasium's {@code render()} picture, drawn without anti-aliasing. */
    @Override
    public RgbFrame render() {
        if (state == null) {
            throw new IllegalStateException(ID + ": render() called before reset(); call reset() first");
        }
        double worldWidth = X_THRESHOLD * 2;
        double scale = SCREEN_WIDTH / worldWidth;
        double poleWidth = 10.0;
        double poleLength = scale * (2 * LENGTH);
        double cartWidth = 50.0;
        double cartHeight = 30.0;
        double axleOffset = cartHeight / 4.0;
        double cartX = state[0] * scale + SCREEN_WIDTH / 2.0;
        double cartY = 100;

        Canvas canvas = new Canvas(SCREEN_WIDTH, SCREEN_HEIGHT, Canvas.WHITE);
        canvas.fillRotatedRectangle(-cartWidth / 2, cartWidth / 2, -cartHeight / 2, cartHeight / 2, 0, cartX, cartY, Canvas.BLACK);
        canvas.fillRotatedRectangle(-poleWidth / 2, poleWidth / 2, -poleWidth / 2, poleLength - poleWidth / 2, -state[2],
                cartX, cartY + axleOffset, 0xCA9865);
        canvas.fillCircle(cartX, cartY + axleOffset, poleWidth / 2, 0x8184CB);
        canvas.line(0, cartY, SCREEN_WIDTH, cartY, Canvas.BLACK);
        return canvas.frame();
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
