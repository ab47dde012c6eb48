package io.acktr.envs.wrappers;

import io.acktr.api.state.SavedState;
import io.acktr.api.env.Environment;
import io.acktr.api.env.StepResult;

/**
 * Gymnasium's {@code TimeLimit}: counts steps since the last reset and marks a step truncated
 * when the count reaches {@code maxEpisodeSteps} ({@code truncated = elapsed >= max}, whether or
 * not the step also terminated). Stepping on past the limit is left to the wrapped environment.
 */
public final class TimeLimit extends ForwardingEnvironment {
    private final int maxEpisodeSteps;
    private int elapsedSteps;

    public TimeLimit(Environment environment, int maxEpisodeSteps) {
        super(environment);
        if (maxEpisodeSteps < 1) {
            throw new IllegalArgumentException("maxEpisodeSteps must be >= 1, got " + maxEpisodeSteps);
        }
        this.maxEpisodeSteps = maxEpisodeSteps;
    }

    public int maxEpisodeSteps() {
        return maxEpisodeSteps;
    }

    /** Steps taken since the last reset. */
    public int elapsedSteps() {
        return elapsedSteps;
    }

    @Override
    public double[] reset(long seed) {
        elapsedSteps = 0;
        return super.reset(seed);
    }

    @Override
    public double[] reset() {
        elapsedSteps = 0;
        return super.reset();
    }

    @Override
    public StepResult step(double[] action) {
        StepResult result = super.step(action);
        elapsedSteps++;
        return elapsedSteps >= maxEpisodeSteps ? result.withTruncated() : result;
    }

    @Override
    public String toString() {
        return "TimeLimit(" + environment() + ", " + maxEpisodeSteps + ")";
    }

    @Override
    protected SavedState ownState() {
        return SavedState.empty().with("elapsed-steps", elapsedSteps);
    }

    @Override
    protected void restoreOwnState(SavedState state) {
        elapsedSteps = Math.toIntExact(state.whole("elapsed-steps"));
    }
}
