package io.acktr.envs.wrappers;

import io.acktr.api.env.Environment;

import java.util.Optional;

/**
 * The undiscounted return and length of every episode an environment finished, as recorded by
 * stable-baselines3's {@code Monitor}. Statistics are of the rewards the recording wrapper saw, so
 * an {@link EpisodeMonitor} placed inside any reward normalisation reports the raw rewards.
 * {@link io.acktr.envs.vector.SyncVectorEnvironment} prefers these statistics to its own sums.
 */
public interface EpisodeStatistics {
    /** Number of finished episodes. */
    int episodeCount();

    /** Returns of the finished episodes, oldest first; a fresh array. */
    double[] episodeReturns();

    /** Lengths (steps) of the finished episodes, oldest first; a fresh array. */
    long[] episodeLengths();

    /**
     * Return of the most recently finished episode.
     *
     * @throws IllegalStateException before any episode finished
     */
    double lastEpisodeReturn();

    /**
     * Length of the most recently finished episode.
     *
     * @throws IllegalStateException before any episode finished
     */
    long lastEpisodeLength();

    /** The outermost statistics in the wrapper chain of {@code environment}; see {@link EnvironmentWrapper#find}. */
    static Optional<EpisodeStatistics> find(Environment environment) {
        return EnvironmentWrapper.find(environment, EpisodeStatistics.class);
    }
}
