package io.acktr.runtime.cluster;

import io.acktr.api.training.UpdateMetrics;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Train one run of a suite on a free slot. {@code configuration} is the run's resolved
 * configuration as HOCON (the node replaces only {@code acktr.run-dir}); {@code attempt} counts
 * the times the run was handed out, so reports of an earlier attempt are told apart. Sent as a
 * request to {@link ClusterAddresses#node(String)}; the reply is a {@link Reply}.
 *
 * <p>A run an earlier attempt left with a checkpoint resumes from it: {@code checkpoint} holds
 * its files (by their path under {@code checkpoint/}) and {@code rows} the progress rows up to its
 * update, which the node's run continues from; both are empty for a run that starts from scratch.
 */
public record RunAssignment(String suiteId, String runId, int attempt, String configuration, double threshold,
                            List<UpdateMetrics> rows, Map<String, byte[]> checkpoint) {
    public RunAssignment {
        requireNonNull(suiteId, "suiteId is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(configuration, "configuration is null");
        rows = List.copyOf(rows);
        checkpoint = Map.copyOf(checkpoint);
    }

    /** A run that starts from scratch. */
    public RunAssignment(String suiteId, String runId, int attempt, String configuration, double threshold) {
        this(suiteId, runId, attempt, configuration, threshold, List.of(), Map.of());
    }

    /** Whether the run resumes from an earlier attempt's checkpoint. */
    public boolean resumes() {
        return !checkpoint.isEmpty();
    }
}
