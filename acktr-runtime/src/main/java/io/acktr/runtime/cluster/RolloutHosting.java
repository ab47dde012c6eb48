package io.acktr.runtime.cluster;

import static java.util.Objects.requireNonNull;

/**
 * A learner asks a node to host rollout worker {@code worker} of run {@code runId}: environments
 * {@code firstEnvironment .. firstEnvironment + environments - 1}, environment {@code i} reset
 * with seed {@code seed + i}, listening on {@link io.acktr.runtime.bus.Addresses#rolloutWorker(String,
 * int, int)} of {@code generation}. {@code configuration} is the run's resolved configuration
 * (HOCON). The node replies with a {@link Reply} once the worker listens, or why it cannot.
 */
public record RolloutHosting(String runId, int worker, int generation, int firstEnvironment, int environments, long seed,
                             String configuration) {
    public RolloutHosting {
        requireNonNull(runId, "runId is null");
        requireNonNull(configuration, "configuration is null");
    }
}
