package io.acktr.runtime.suite;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import io.acktr.runtime.bootstrap.AcktrInjector;
import io.acktr.runtime.bootstrap.ConfigLoader;
import io.acktr.runtime.bootstrap.PluginRegistry;
import io.acktr.runtime.learner.TrainingSummary;
import io.acktr.runtime.lifecycle.Plugins;
import io.acktr.runtime.lifecycle.TrainingSession;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Runs every task x variant x seed of a suite one after the other, each in its own run directory
 * under {@code <out>/runs/<task>/<variant>/seed-<n>}, and rewrites the report after every run, so
 * that an interrupted suite keeps what it finished.
 */
public final class SuiteRunner {
    private final SuiteDefinition suite;
    private final ClassLoader classLoader;
    private final List<String> overrides;

    public SuiteRunner(SuiteDefinition suite, ClassLoader classLoader, List<String> overrides) {
        this.suite = requireNonNull(suite, "suite is null");
        this.classLoader = requireNonNull(classLoader, "classLoader is null");
        this.overrides = List.copyOf(overrides);
    }

    /** Resolves and validates every run's configuration before the first run starts. */
    public List<Config> resolveAll(Path out) {
        List<Config> configs = new ArrayList<>();
        for (SuiteDefinition.Task task : suite.tasks()) {
            for (SuiteDefinition.Variant variant : suite.variants()) {
                for (long seed : suite.seeds()) {
                    configs.add(resolve(task, variant, seed, out));
                }
            }
        }
        return configs;
    }

    /** @param console progress lines, or null */
    public List<RunResult> run(Path out, PrintWriter console) {
        List<Config> configs = resolveAll(out);
        SuiteReport report = new SuiteReport(suite);
        List<RunResult> results = new ArrayList<>();
        int index = 0;
        for (SuiteDefinition.Task task : suite.tasks()) {
            for (SuiteDefinition.Variant variant : suite.variants()) {
                for (long seed : suite.seeds()) {
                    Config config = configs.get(index++);
                    TrainingSummary summary = new TrainingSession(config, classLoader)
                            .train(null, OptionalDouble.of(task.threshold()), List.of());
                    RunResult result = new RunResult(task.name(), variant.name(), seed, summary.envSteps(),
                            summary.firstStepsAtThreshold(), summary.finalMeanReturn(), summary.meanUpdateMillis(),
                            summary.wallSeconds(), summary.skippedUpdates(), config.getString("acktr.run-dir"));
                    results.add(result);
                    report.write(out, results);
                    if (console != null) {
                        console.printf(Locale.ROOT, "[%d/%d] %s %s seed %d: final %.2f, %s, %.2f ms/update, %.0f s%n",
                                index, configs.size(), task.name(), variant.name(), seed, result.finalMeanReturn(),
                                result.stepsToThreshold().isPresent()
                                        ? "threshold at " + result.stepsToThreshold().getAsLong() + " steps"
                                        : "threshold not reached",
                                result.meanUpdateMillis(), result.wallSeconds());
                        console.flush();
                    }
                }
            }
        }
        return results;
    }

    private Config resolve(SuiteDefinition.Task task, SuiteDefinition.Variant variant, long seed, Path out) {
        Path runDir = out.resolve("runs").resolve(task.name()).resolve(variant.name()).resolve("seed-" + seed);
        Config fixed = ConfigFactory.empty()
                .withValue("acktr.env.id", ConfigValueFactory.fromAnyRef(task.environmentId()))
                .withValue("acktr.total-steps", ConfigValueFactory.fromAnyRef(task.totalSteps()))
                .withValue("acktr.seed", ConfigValueFactory.fromAnyRef(seed))
                .withValue("acktr.run-dir", ConfigValueFactory.fromAnyRef(runDir.toString()));
        Config config = ConfigLoader.load(classLoader, fixed.withFallback(variant.settingsFor(task)), overrides);
        // provisions every plugin's settings record: a bad value fails now, with its path, not hours later
        PluginRegistry registry = Plugins.registry(AcktrInjector.create(config, AcktrInjector.discoverModules(classLoader)));
        registry.curvatureEstimator(config);
        registry.stepSizeRule(config);
        registry.policy(config);
        return config;
    }
}
