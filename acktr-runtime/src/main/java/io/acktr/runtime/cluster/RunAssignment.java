package io.acktr.runtime.cluster;

import static java.util.Objects.requireNonNull;

/**
 * Train one run of a suite on a free slot. {@code configuration} is the run's resolved
 * configuration as HOCON (the node replaces only {@code acktr.run-dir}); {@code attempt} counts
 * the times the run was handed out, so reports of an earlier attempt are told apart. Sent as a
 * request to {@link ClusterAddresses#node(String)}; the reply is a {@link Reply}.
 *
 * <p>A later protocol version can add the checkpoint to resume from here; until then a run of a
 * lost node starts again from scratch.
 */
public record RunAssignment(String suiteId, String runId, int attempt, String configuration, double threshold) {
    public RunAssignment {
        requireNonNull(suiteId, "suiteId is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(configuration, "configuration is null");
    }
}
