package io.acktr.runtime.worker;

import io.acktr.runtime.algorithm.Batch;

/**
 * The transitions of one rollout of {@code n} steps on {@code E} environments, flattened
 * time-major (row {@code t * E + e}), with advantages already computed, and the episodes that
 * ended during it.
 *
 * @param episodeReturns undiscounted returns of the episodes that ended, in order
 * @param episodeLengths their lengths
 */
public record Rollout(Batch batch, double[] episodeReturns, long[] episodeLengths) {
    public int steps() {
        return batch.size();
    }
}
