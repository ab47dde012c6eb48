package io.acktr.runtime.cluster;

import static java.util.Objects.requireNonNull;

/**
 * A run stopped with an error; {@code badInput} when it was its configuration (exit 2), else a
 * failure during training (exit 1). Sent to {@link ClusterAddresses#suite(String)}.
 */
public record RunFailed(String suiteId, String runId, int attempt, String nodeId, String error, boolean badInput) {
    public RunFailed {
        requireNonNull(suiteId, "suiteId is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(error, "error is null");
    }
}
