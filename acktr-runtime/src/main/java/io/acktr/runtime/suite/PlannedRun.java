package io.acktr.runtime.suite;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import io.acktr.runtime.learner.TrainingSummary;
import java.nio.file.Path;

/**
 * One run of a suite, before it trains: its task, variant and seed, and its resolved and validated
 * configuration ({@code acktr.run-dir} is {@code <out>/runs/<task>/<variant>/seed-<n>}). Where it
 * trains, in this process or on a node of a cluster, does not change its result.
 */
public record PlannedRun(SuiteDefinition.Task task, SuiteDefinition.Variant variant, long seed, Config config) {
    public PlannedRun {
        requireNonNull(task, "task is null");
        requireNonNull(variant, "variant is null");
        requireNonNull(config, "config is null");
    }

    /** {@code <task>/<variant>/seed-<n>}: unique within a suite, the same in every process. */
    public String id() {
        return task.name() + "/" + variant.name() + "/seed-" + seed;
    }

    /** The run directory, {@code acktr.run-dir} of the configuration. */
    public Path runDirectory() {
        return Path.of(config.getString("acktr.run-dir"));
    }

    /** The run's line of the suite's results, from how its training ended. */
    public RunResult result(TrainingSummary summary) {
        return new RunResult(task.name(), variant.name(), seed, summary.envSteps(), summary.firstStepsAtThreshold(),
                summary.finalMeanReturn(), summary.meanUpdateMillis(), summary.wallSeconds(), summary.skippedUpdates(),
                config.getString("acktr.run-dir"));
    }
}
