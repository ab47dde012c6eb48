package io.acktr.envs.pixel;

import static java.util.Objects.requireNonNull;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.Environment;
import io.acktr.api.env.RgbFrame;
import io.acktr.api.env.Space;
import io.acktr.api.env.StepResult;
import io.acktr.envs.classic.Pendulum;

/**
 * {@code PixelPendulum-v1}: {@link Pendulum Pendulum-v1} seen through a small grey image. The
 * dynamics, the reward, the reset distribution and the seeding are Pendulum-v1's (this class
 * drives a {@link Pendulum} and only replaces its observation), so for the same seed and actions
 * both give the same rewards and episode ends; the 200-step limit is applied by
 * {@link io.acktr.envs.providers.PixelPendulumProvider}.
 *
 * <p>The observation is a {@code size x size} image, shape {@code [size, size, 1]}, values in
 * {@code [0, 1]} (in fact 0 or 1: no anti-aliasing), row-major from the top-left: a white rod from
 * the centre to the pendulum's tip on black, pointing up at angle 0 and turning counter-clockwise
 * with the angle, as in Gymnasium's picture. The default size is {@value #DEFAULT_SIZE}.
 *
 * <p>One image shows the angle but not the angular velocity, so the state is only partly
 * observed: use the environment with frame stacking, e.g. the last 3 images as
 * {@code PixelPendulumStacked-v1} ({@link ImageFrameStack}) provides.
 *
 * <p>{@link #render()} draws Pendulum-v1's 500 x 500 picture (with the last torque), not the
 * observation.
 */
public final class PixelPendulum implements Environment {
    public static final String ID = "PixelPendulum-v1";
    public static final int DEFAULT_SIZE = 32;

    /** Pendulum-v1's torque bounds, checked here so that errors name this environment. */
    private static final BoxSpace ACTION_SPACE = BoxSpace.uniform(-2.0, 2.0, 1);

    private final Pendulum pendulum;
    private final PendulumImage image;
    private final BoxSpace observationSpace;
    private boolean started;

    /** A {@value #DEFAULT_SIZE} x {@value #DEFAULT_SIZE} pixel pendulum, unseeded until the first {@link #reset(long)}. */
    public PixelPendulum() {
        this(DEFAULT_SIZE);
    }

    /**
     * A pixel pendulum whose images are {@code size x size}.
     *
     * @throws IllegalArgumentException when {@code size} is below 16
     */
    public PixelPendulum(int size) {
        this.pendulum = new Pendulum();
        this.image = new PendulumImage(size);
        this.observationSpace = BoxSpace.uniform(0.0, 1.0, size, size, 1);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Space observationSpace() {
        return observationSpace;
    }

    @Override
    public Space actionSpace() {
        return ACTION_SPACE;
    }

    /** The width and height of the images. */
    public int size() {
        return image.size();
    }

    @Override
    public double[] reset(long seed) {
        started = true;
        return imageOf(pendulum.reset(seed));
    }

    @Override
    public double[] reset() {
        started = true;
        return imageOf(pendulum.reset());
    }

    @Override
    public StepResult step(double[] action) {
        ACTION_SPACE.checkAction(action, ID);
        if (!started) {
            throw new IllegalStateException(ID + ": step() called before reset(); call reset() first");
        }
        StepResult result = pendulum.step(action);
        return new StepResult(imageOf(result.observation()), result.reward(), result.terminated(), result.truncated(), result.info());
    }

    /**
     * Puts the pendulum at {@code [theta, theta_dot]}, as {@link Pendulum#setState} does, and
     * returns the image of the new state.
     */
    public double[] setState(double[] state) {
        requireNonNull(state, "state is null");
        if (state.length != 2) {
            throw new IllegalArgumentException(ID + " state has 2 elements, got " + state.length);
        }
        pendulum.setState(state);
        started = true;
        return image.draw(Math.cos(state[0]), Math.sin(state[0]));
    }

    /** Pendulum-v1's 500 x 500 picture of the current state. */
    @Override
    public RgbFrame render() {
        if (!started) {
            throw new IllegalStateException(ID + ": render() called before reset(); call reset() first");
        }
        return pendulum.render();
    }

    private double[] imageOf(double[] pendulumObservation) {
        return image.draw(pendulumObservation[0], pendulumObservation[1]);
    }

    @Override
    public String toString() {
        return ID + "(" + size() + " x " + size() + ")";
    }
}
