package io.acktr.runtime.bus;

import static java.util.Objects.requireNonNull;

/**
 * The episodes that ended during a rollout, in the order (step, environment): episode {@code i}
 * ended at step {@code steps[i]} of the rollout on environment {@code environments[i]} (its
 * index in the run), with undiscounted return {@code returns[i]} after {@code lengths[i]} steps.
 */
public record FinishedEpisodes(int[] steps, int[] environments, double[] returns, long[] lengths) {
    public FinishedEpisodes {
        requireNonNull(steps, "steps is null");
        requireNonNull(environments, "environments is null");
        requireNonNull(returns, "returns is null");
        requireNonNull(lengths, "lengths is null");
        if (environments.length != steps.length || returns.length != steps.length || lengths.length != steps.length) {
            throw new IllegalArgumentException("FinishedEpisodes arrays must all have length " + steps.length);
        }
    }

    public int count() {
        return steps.length;
    }
}
