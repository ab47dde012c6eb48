package io.acktr.envs.wrappers;

import io.acktr.api.env.Environment;
import io.acktr.api.env.StepResult;
import io.acktr.api.state.SavedState;

/**
 * Cuts the first episode of its environment short: the step that brings it to
 * {@code firstEpisodeSteps} steps is marked truncated (unless the episode ended before), and later
 * episodes run as the environment runs them. Given environment {@code i} of {@code n} with a time
 * limit {@code T}, a cut after {@code i * T / n} steps spreads the environments' episodes evenly
 * over the limit's phases, where a vector of fixed-length episodes (Pendulum-v1's 200 steps)
 * otherwise keeps every environment in the same phase and every batch holds one stretch of the
 * episode (acktr.env.staggered-start, {@link WrapperChain#wrap(Environment, int, int)}).
 *
 * <p>Place it outside the {@link EpisodeMonitor}: the cut episode is then not recorded, so the
 * reported returns stay those of whole episodes. The learner bootstraps the cut as any time limit.
 */
public final class StaggeredStart extends ForwardingEnvironment {
    private final int firstEpisodeSteps;
    private int elapsedSteps;
    private boolean firstEpisodeOver;

    public StaggeredStart(Environment environment, int firstEpisodeSteps) {
        super(environment);
        if (firstEpisodeSteps < 1) {
            throw new IllegalArgumentException("firstEpisodeSteps must be >= 1, got " + firstEpisodeSteps);
        }
        this.firstEpisodeSteps = firstEpisodeSteps;
    }

    public int firstEpisodeSteps() {
        return firstEpisodeSteps;
    }

    @Override
    public StepResult step(double[] action) {
        StepResult result = super.step(action);
        if (firstEpisodeOver) {
            return result;
        }
        elapsedSteps++;
        if (result.done()) {
            firstEpisodeOver = true;
            return result;
        }
        if (elapsedSteps >= firstEpisodeSteps) {
            firstEpisodeOver = true;
            return result.withTruncated();
        }
        return result;
    }

    @Override
    public String toString() {
        return "StaggeredStart(" + environment() + ", " + firstEpisodeSteps + ")";
    }

    @Override
    protected SavedState ownState() {
        return SavedState.empty().with("elapsed-steps", elapsedSteps).with("first-episode-over", firstEpisodeOver ? 1 : 0);
    }

    @Override
    protected void restoreOwnState(SavedState state) {
        elapsedSteps = Math.toIntExact(state.whole("elapsed-steps"));
        firstEpisodeOver = state.whole("first-episode-over") != 0;
    }
}
