package io.acktr.runtime.bus;

import static java.util.Objects.requireNonNull;

/**
 * A rollout worker's reply: {@code steps} steps of its environments {@code firstEnvironment ..
 * firstEnvironment + environments - 1} taken with the parameters of {@code version}, time-major
 * (row {@code t * environments + j} is environment {@code firstEnvironment + j} at step {@code t}),
 * with GAE advantages and returns computed per environment. Arrays are shared, not copied.
 *
 * @param observations what the policy saw, {@code observationSize} values per row
 * @param actions the actions taken, {@code actionWidth} values per row
 * @param normalizerSamples element {@code j * k + w}, with {@code k} the number of normalising
 *     wrappers: the samples environment {@code firstEnvironment + j}'s normalising wrapper
 *     {@code w} saw during the rollout, concatenated in order, for the learner to add to the run's
 *     statistics
 */
public record RolloutPart(long version, int firstEnvironment, int environments, int steps, int observationSize,
                          int actionWidth, double[] observations, double[] actions, double[] advantages,
                          double[] returns, FinishedEpisodes episodes, double[][] normalizerSamples) {
    public RolloutPart {
        requireNonNull(observations, "observations is null");
        requireNonNull(actions, "actions is null");
        requireNonNull(advantages, "advantages is null");
        requireNonNull(returns, "returns is null");
        requireNonNull(episodes, "episodes is null");
        requireNonNull(normalizerSamples, "normalizerSamples is null");
        int rows = steps * environments;
        if (observations.length != rows * observationSize || actions.length != rows * actionWidth
                || advantages.length != rows || returns.length != rows) {
            throw new IllegalArgumentException("a rollout part of " + steps + " steps x " + environments
                    + " environments has arrays of the wrong length");
        }
    }

    public int rows() {
        return steps * environments;
    }
}
