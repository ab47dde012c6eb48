package io.acktr.runtime.cluster;

import static java.util.Objects.requireNonNull;

import io.acktr.api.training.UpdateMetrics;
import java.util.List;

/**
 * Progress rows of a run, in order: {@code rows.get(0)} is the attempt's row number
 * {@code firstRow} (from 0). Sent to {@link ClusterAddresses#suite(String)}.
 */
public record RunProgress(String suiteId, String runId, int attempt, String nodeId, long firstRow,
                          List<UpdateMetrics> rows) {
    public RunProgress {
        requireNonNull(suiteId, "suiteId is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(nodeId, "nodeId is null");
        rows = List.copyOf(rows);
    }
}
