package io.acktr.runtime.bus;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A run that has just started, as a {@link RunObserver} sees it: what the run's metrics address
 * ({@link Addresses#metrics} of {@code runId}) belongs to.
 *
 * @param runId the name of the run directory; the key of the run's addresses on its bus
 * @param name what to call it: its {@code runId}, or a suite's {@code <task>/<variant>/seed-<n>}
 * @param directory the run directory ({@code config.conf}, {@code progress.csv})
 * @param environmentId {@code acktr.env.id}
 * @param group what the run is compared under: the variant of a suite, or {@code <curvature> + <step size>}
 * @param seed {@code acktr.seed}
 * @param totalSteps {@code acktr.total-steps}
 * @param node where it trains: {@code local}, or a cluster node's id
 */
public record StartedRun(String runId, String name, Path directory, String environmentId, String group, long seed, long totalSteps,
                         String node) {
    public StartedRun {
        requireNonNull(runId, "runId is null");
        requireNonNull(name, "name is null");
        requireNonNull(directory, "directory is null");
        requireNonNull(environmentId, "environmentId is null");
        requireNonNull(group, "group is null");
        requireNonNull(node, "node is null");
    }

    /** The same run as a run of a suite: called {@code suiteName}, compared under {@code variant}. */
    public StartedRun inSuite(String suiteName, String variant) {
        return new StartedRun(runId, suiteName, directory, environmentId, variant, seed, totalSteps, node);
    }
}
