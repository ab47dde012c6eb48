package io.acktr.envs.pixel;

import static java.util.Objects.requireNonNull;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.Environment;
import io.acktr.api.env.RgbFrame;
import io.acktr.api.env.Space;
import io.acktr.api.env.StepResult;
import java.util.Arrays;

/**
 * Stacks the last {@code frames} image observations of an environment along the channel axis, so
 * that a policy sees motion: an observation of shape {@code [H, W, C]} becomes
 * {@code [H, W, C * frames]}, the oldest frame in the first {@code C} channels and the newest in
 * the last (Gymnasium's {@code FrameStackObservation} with channels last). {@code reset} fills the
 * stack with copies of the first frame. Rewards, episode ends and info pass through unchanged.
 */
public final class ImageFrameStack implements Environment {
    private final Environment environment;
    private final String id;
    private final int frames;
    private final int pixels;
    private final int channels;
    private final BoxSpace observationSpace;
    /** The last {@code frames} observations, oldest first. */
    private final double[][] history;

    /** Stacks {@code frames} observations of {@code environment}, keeping its id. */
    public ImageFrameStack(Environment environment, int frames) {
        this(environment, frames, requireNonNull(environment, "environment is null").id());
    }

    /**
     * Stacks {@code frames} observations of {@code environment} under the id the stacked
     * environment is registered with, e.g. {@code PixelPendulumStacked-v1}.
     *
     * @throws IllegalArgumentException when the observation space is not a {@link BoxSpace} of shape
     *                                  {@code [H, W, C]} or {@code frames < 1}
     */
    public ImageFrameStack(Environment environment, int frames, String id) {
        this.environment = requireNonNull(environment, "environment is null");
        this.id = requireNonNull(id, "id is null");
        if (frames < 1) {
            throw new IllegalArgumentException("frames must be >= 1, got " + frames);
        }
        Space space = environment.observationSpace();
        if (!(space instanceof BoxSpace box) || box.shape().length != 3) {
            throw new IllegalArgumentException("frame stacking needs image observations of shape [H, W, C], but "
                    + environment.id() + " observes " + space.describe());
        }
        int[] shape = box.shape();
        this.frames = frames;
        this.pixels = shape[0] * shape[1];
        this.channels = shape[2];
        this.observationSpace = new BoxSpace(stack(repeat(box.low(), frames)), stack(repeat(box.high(), frames)),
                new int[] {shape[0], shape[1], channels * frames});
        this.history = new double[frames][];
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Space observationSpace() {
        return observationSpace;
    }

    @Override
    public Space actionSpace() {
        return environment.actionSpace();
    }

    /** How many observations are stacked. */
    public int frames() {
        return frames;
    }

    /** The wrapped environment. */
    public Environment environment() {
        return environment;
    }

    @Override
    public double[] reset(long seed) {
        return restart(environment.reset(seed));
    }

    @Override
    public double[] reset() {
        return restart(environment.reset());
    }

    @Override
    public StepResult step(double[] action) {
        if (history[0] == null) {
            throw new IllegalStateException(id + ": step() called before reset(); call reset() first");
        }
        StepResult result = environment.step(action);
        System.arraycopy(history, 1, history, 0, frames - 1);
        history[frames - 1] = checked(result.observation());
        return new StepResult(stack(history), result.reward(), result.terminated(), result.truncated(), result.info());
    }

    @Override
    public RgbFrame render() {
        return environment.render();
    }

    @Override
    public void close() {
        environment.close();
    }

    private double[] restart(double[] first) {
        Arrays.fill(history, checked(first));
        return stack(history);
    }

    private double[] checked(double[] observation) {
        if (observation.length != pixels * channels) {
            throw new IllegalStateException(environment.id() + " returned an observation of " + observation.length
                    + " values, its space " + environment.observationSpace().describe() + " has " + pixels * channels);
        }
        return observation.clone();
    }

    /** Interleaves the frames channel-wise: value {@code (p, f * C + c)} is {@code frames[f][p * C + c]}. */
    private double[] stack(double[][] frameValues) {
        double[] stacked = new double[pixels * channels * frames];
        int i = 0;
        for (int p = 0; p < pixels; p++) {
            for (double[] frame : frameValues) {
                System.arraycopy(frame, p * channels, stacked, i, channels);
                i += channels;
            }
        }
        return stacked;
    }

    private static double[][] repeat(double[] values, int times) {
        double[][] copies = new double[times][];
        Arrays.fill(copies, values);
        return copies;
    }

    @Override
    public String toString() {
        return "ImageFrameStack(" + environment + ", " + frames + ")";
    }
}
