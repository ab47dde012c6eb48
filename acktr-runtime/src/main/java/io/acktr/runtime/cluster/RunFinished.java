package io.acktr.runtime.cluster;

import static java.util.Objects.requireNonNull;

import io.acktr.runtime.learner.TrainingSummary;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run ended normally: how, the number of progress rows sent before this, and its final
 * checkpoint (file name under {@code checkpoint/} to content). Sent as a request to
 * {@link ClusterAddresses#suite(String)}; the coordinator replies {@link Reply#ACCEPTED} to every
 * copy, so a node may send it again.
 */
public record RunFinished(String suiteId, String runId, int attempt, String nodeId, TrainingSummary summary, long rows,
                          Map<String, byte[]> checkpoint) {
    public RunFinished {
        requireNonNull(suiteId, "suiteId is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(summary, "summary is null");
        Map<String, byte[]> copy = new LinkedHashMap<>();
        checkpoint.forEach((name, bytes) -> copy.put(name, bytes.clone()));
        checkpoint = Collections.unmodifiableMap(copy);
    }
}
