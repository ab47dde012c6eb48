package io.acktr.api.training;

import io.acktr.api.plugin.ExtensionPoint;

/**
 * Observes a training run; every method has an empty default. A run calls its listeners on one
 * thread of its own, in order, from the metrics it publishes on its event bus; the next update
 * waits until they have handled this one. The next rollout may be collected meanwhile: the policy's
 * parameters and the normalisation statistics do not change while a listener handles an update.
 */
@ExtensionPoint
public interface TrainingListener {
    default void onUpdate(UpdateMetrics metrics) {
    }

    /** An episode of one of the rollout environments ended. */
    default void onEpisode(double episodeReturn, long episodeLength) {
    }

    /** The run finished (normally or not); flush and release resources. */
    default void onEnd() {
    }
}
