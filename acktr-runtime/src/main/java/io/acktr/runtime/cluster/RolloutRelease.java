package io.acktr.runtime.cluster;

import static java.util.Objects.requireNonNull;

/** The learner of run {@code runId} no longer needs the rollout workers a node hosts for it. */
public record RolloutRelease(String runId) {
    public RolloutRelease {
        requireNonNull(runId, "runId is null");
    }
}
