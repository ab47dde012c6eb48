package io.acktr.runtime.cluster;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * The checkpoint a node's run wrote after update {@code updates}: its files by their path under
 * {@code checkpoint/}. Sent to the suite's coordinator every {@code acktr.checkpoint.interval}
 * updates, after the progress rows up to that update, so that a run of a lost node resumes on
 * another from here instead of starting again.
 */
public record RunCheckpoint(String suiteId, String runId, int attempt, String nodeId, long updates, Map<String, byte[]> files) {
    public RunCheckpoint {
        requireNonNull(suiteId, "suiteId is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(nodeId, "nodeId is null");
        files = Map.copyOf(files);
    }
}
