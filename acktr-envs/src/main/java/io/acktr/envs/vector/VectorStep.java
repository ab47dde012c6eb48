package io.acktr.envs.vector;

import static java.util.Objects.requireNonNull;

/**
 * One step of a {@link SyncVectorEnvironment}; index {@code i} describes environment {@code i}.
 * For an environment whose episode ended on this step ({@code terminated[i] || truncated[i]}),
 * {@code observations[i]} is already the first observation of the next episode,
 * {@code finalObservations[i]} is the last observation of the finished one (bootstrap from it when
 * truncated), and {@code episodeReturns[i]} / {@code episodeLengths[i]} give the finished
 * episode's undiscounted return and step count, or NaN and 0 when the episode is not one to report
 * (a {@link io.acktr.envs.wrappers.StaggeredStart}'s cut). For the others {@code finalObservations[i]} is
 * null, {@code episodeReturns[i]} is NaN and {@code episodeLengths[i]} is 0.
 */
public record VectorStep(double[][] observations, double[] rewards, boolean[] terminated, boolean[] truncated,
                         double[][] finalObservations, double[] episodeReturns, long[] episodeLengths) {
    public VectorStep {
        requireNonNull(observations, "observations is null");
        requireNonNull(rewards, "rewards is null");
        requireNonNull(terminated, "terminated is null");
        requireNonNull(truncated, "truncated is null");
        requireNonNull(finalObservations, "finalObservations is null");
        requireNonNull(episodeReturns, "episodeReturns is null");
        requireNonNull(episodeLengths, "episodeLengths is null");
        int n = observations.length;
        if (rewards.length != n || terminated.length != n || truncated.length != n || finalObservations.length != n
                || episodeReturns.length != n || episodeLengths.length != n) {
            throw new IllegalArgumentException("VectorStep arrays must all have length " + n);
        }
    }

    public int size() {
        return observations.length;
    }

    /** Whether environment {@code i}'s episode ended on this step, for either reason. */
    public boolean done(int i) {
        return terminated[i] || truncated[i];
    }
}
