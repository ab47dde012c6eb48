package io.acktr.runtime.bus;

import static java.util.Objects.requireNonNull;

import io.acktr.api.state.SavedState;

/**
 * A rollout worker's answer on {@link Addresses#rolloutWorkerState}: its slice's state between two
 * rollouts ({@link io.acktr.runtime.worker.RolloutCollector#saveState()}), for a checkpoint.
 */
public record WorkerState(int worker, SavedState state) {
    public WorkerState {
        requireNonNull(state, "state is null");
    }
}
