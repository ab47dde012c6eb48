package io.acktr.envs.wrappers;

import io.acktr.api.state.SavedState;
import io.acktr.api.env.Environment;
import io.acktr.api.env.StepResult;

import java.util.Arrays;

/**
 * stable-baselines3's {@code Monitor}: sums the rewards of each episode and counts its steps, and
 * records both when a step ends the episode ({@code terminated || truncated}). A reset discards an
 * unfinished episode. Place it innermost, right after the time limit, so it sees the rewards the
 * environment gave; {@link WrapperChain} does.
 */
public final class EpisodeMonitor extends ForwardingEnvironment implements EpisodeStatistics {
    private double runningReturn;
    private long runningLength;
    private double[] returns = new double[16];
    private long[] lengths = new long[16];
    private int count;

    public EpisodeMonitor(Environment environment) {
        super(environment);
    }

    @Override
    public double[] reset(long seed) {
        startEpisode();
        return super.reset(seed);
    }

    @Override
    public double[] reset() {
        startEpisode();
        return super.reset();
    }

    @Override
    public StepResult step(double[] action) {
        StepResult result = super.step(action);
        runningReturn += result.reward();
        runningLength++;
        if (result.done()) {
            record();
            startEpisode();
        }
        return result;
    }

    @Override
    public int episodeCount() {
        return count;
    }

    @Override
    public double[] episodeReturns() {
        return Arrays.copyOf(returns, count);
    }

    @Override
    public long[] episodeLengths() {
        return Arrays.copyOf(lengths, count);
    }

    @Override
    public double lastEpisodeReturn() {
        return returns[lastIndex()];
    }

    @Override
    public long lastEpisodeLength() {
        return lengths[lastIndex()];
    }

    private int lastIndex() {
        if (count == 0) {
            throw new IllegalStateException("no episode of " + id() + " has finished yet");
        }
        return count - 1;
    }

    private void record() {
        if (count == returns.length) {
            returns = Arrays.copyOf(returns, 2 * count);
            lengths = Arrays.copyOf(lengths, 2 * count);
        }
        returns[count] = runningReturn;
        lengths[count] = runningLength;
        count++;
    }

    private void startEpisode() {
        runningReturn = 0.0;
        runningLength = 0L;
    }

    /** The running episode; the episodes already recorded were reported when they ended. */
    @Override
    protected SavedState ownState() {
        return SavedState.empty().with("running-return", runningReturn).with("running-length", runningLength);
    }

    @Override
    protected void restoreOwnState(SavedState state) {
        runningReturn = state.scalar("running-return");
        runningLength = state.whole("running-length");
    }
}
