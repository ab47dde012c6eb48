package io.acktr.envs.wrappers;

import io.acktr.api.state.SavedState;
import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.Environment;
import io.acktr.api.env.Space;
import io.acktr.api.env.StepResult;

import java.util.Arrays;

/**
 * Returns the last {@code frames} observations together, oldest first, as Gymnasium's
 * {@code FrameStackObservation}; a reset fills the stack with copies of the first observation
 * (Gymnasium's {@code padding_type="reset"}).
 *
 * <ul>
 *   <li>An image observation, a box of shape {@code [H, W, C]}, is stacked along its channels, as
 *       stable-baselines3's {@code VecFrameStack} does: shape {@code [H, W, C * frames]}, where the
 *       channels of pixel {@code (h, w)} are those of the oldest frame, then the next, and so on.</li>
 *   <li>Any other box, of shape {@code S}, gets a new leading axis: shape {@code [frames, S...]},
 *       that is the flat observations one after the other.</li>
 * </ul>
 * The bounds are stacked the same way.
 */
public final class FrameStack extends ForwardingEnvironment {
    private final int frames;
    /** Elements stacked as one block: the channels of an image, else a whole observation. */
    private final int block;
    private final BoxSpace observationSpace;
    private final double[][] history;
    private int newest;

    public FrameStack(Environment environment, int frames) {
        super(environment);
        if (frames < 1) {
            throw new IllegalArgumentException("frames must be >= 1, got " + frames);
        }
        this.frames = frames;
        BoxSpace inner = BoxSpaces.requireBox(environment.observationSpace(), "observation", "FrameStack", environment.id());
        int[] shape = inner.shape();
        int[] stackedShape;
        if (shape.length == 3) {
            this.block = shape[2];
            stackedShape = new int[] {shape[0], shape[1], shape[2] * frames};
        } else {
            this.block = inner.flatSize();
            stackedShape = new int[shape.length + 1];
            stackedShape[0] = frames;
            System.arraycopy(shape, 0, stackedShape, 1, shape.length);
        }
        this.history = new double[frames][];
        this.observationSpace = new BoxSpace(repeat(inner.low()), repeat(inner.high()), stackedShape);
    }

    public int frames() {
        return frames;
    }

    @Override
    public Space observationSpace() {
        return observationSpace;
    }

    @Override
    public double[] reset(long seed) {
        return fill(super.reset(seed));
    }

    @Override
    public double[] reset() {
        return fill(super.reset());
    }

    @Override
    public StepResult step(double[] action) {
        StepResult result = super.step(action);
        newest = (newest + 1) % frames;
        history[newest] = result.observation().clone();
        return new StepResult(stacked(), result.reward(), result.terminated(), result.truncated(), result.info());
    }

    private double[] fill(double[] first) {
        for (int j = 0; j < frames; j++) {
            history[j] = first.clone();
        }
        newest = frames - 1;
        return stacked();
    }

    /** The history, oldest first. */
    private double[] stacked() {
        double[][] ordered = new double[frames][];
        for (int j = 0; j < frames; j++) {
            ordered[j] = history[(newest + 1 + j) % frames];
        }
        return interleave(ordered);
    }

    private double[] repeat(double[] bound) {
        double[][] copies = new double[frames][];
        Arrays.fill(copies, bound);
        return interleave(copies);
    }

    /** Block {@code b} of frame {@code j} goes to position {@code (b * frames + j) * block}. */
    private double[] interleave(double[][] ordered) {
        int size = ordered[0].length;
        double[] result = new double[size * frames];
        for (int b = 0; b < size / block; b++) {
            for (int j = 0; j < frames; j++) {
                System.arraycopy(ordered[j], b * block, result, (b * frames + j) * block, block);
            }
        }
        return result;
    }

    @Override
    protected SavedState ownState() {
        SavedState state = SavedState.empty().with("newest", newest);
        for (int i = 0; i < history.length; i++) {
            if (history[i] != null) {
                state = state.with("frame-" + i, history[i]);
            }
        }
        return state;
    }

    @Override
    protected void restoreOwnState(SavedState state) {
        newest = Math.toIntExact(state.whole("newest"));
        for (int i = 0; i < history.length; i++) {
            history[i] = state.hasArray("frame-" + i) ? state.doubles("frame-" + i) : null;
        }
    }
}
