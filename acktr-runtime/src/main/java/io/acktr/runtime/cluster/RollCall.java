package io.acktr.runtime.cluster;

import static java.util.Objects.requireNonNull;

/**
 * A coordinator of suite {@code suiteId} has started listening to heartbeats: every node answers
 * with a {@link NodeHeartbeat} at once instead of at its next interval. Published on
 * {@link ClusterAddresses#ROLL_CALL}.
 */
public record RollCall(String suiteId) {
    public RollCall {
        requireNonNull(suiteId, "suiteId is null");
    }
}
