package io.acktr.runtime.suite;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import io.acktr.runtime.bus.RunObserver;
import io.acktr.runtime.learner.TrainingSummary;
import io.acktr.runtime.lifecycle.TrainingSession;
import io.acktr.runtime.plugins.PluginLookup;
import io.acktr.runtime.plugins.RunPlugins;
import io.acktr.runtime.settings.ConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs every task x variant x seed of a suite one after the other, each in its own run directory
 * under {@code <out>/runs/<task>/<variant>/seed-<n>}, and rewrites the report after every run, so
 * that an interrupted suite keeps what it finished.
 */
public final class SuiteRunner {
    private final SuiteDefinition suite;
    private final ClassLoader classLoader;
    private final List<String> overrides;
    private final PluginLookup pluginLookup;
    private final RunObserver observer;

    public SuiteRunner(SuiteDefinition suite, ClassLoader classLoader, List<String> overrides, PluginLookup pluginLookup) {
        this(suite, classLoader, overrides, pluginLookup, RunObserver.NONE);
    }

    /** A runner that tells {@code observer} of each run as it starts, grouped under its variant. */
    public SuiteRunner(SuiteDefinition suite, ClassLoader classLoader, List<String> overrides, PluginLookup pluginLookup,
                       RunObserver observer) {
        this.suite = requireNonNull(suite, "suite is null");
        this.classLoader = requireNonNull(classLoader, "classLoader is null");
        this.overrides = List.copyOf(overrides);
        this.pluginLookup = requireNonNull(pluginLookup, "pluginLookup is null");
        this.observer = requireNonNull(observer, "observer is null");
    }

    /** Resolves and validates every run's configuration before the first run starts. */
    public List<Config> resolveAll(Path out) {
        return plan(out).stream().map(PlannedRun::config).toList();
    }

    /**
     * Every run of the suite in its order (task, then variant, then seed), with its resolved and
     * validated configuration; {@code out} is where their run directories go.
     */
    public List<PlannedRun> plan(Path out) {
        List<PlannedRun> runs = new ArrayList<>();
        for (SuiteDefinition.Task task : suite.tasks()) {
            for (SuiteDefinition.Variant variant : suite.variants()) {
                for (long seed : suite.seeds()) {
                    runs.add(new PlannedRun(task, variant, seed, resolve(task, variant, seed, out)));
                }
            }
        }
        return runs;
    }

    /** Runs one after the other; see {@link #run(Path, PrintWriter, int)}. */
    public List<RunResult> run(Path out, PrintWriter console) {
        return run(out, console, 1);
    }

    /**
     * Runs the suite, {@code jobs} runs at a time (each run stays deterministic for its seed; the
     * update times of concurrent runs include each other's load).
     *
     * @param console progress lines, or null
     * @return the results in the suite's order
     */
    public List<RunResult> run(Path out, PrintWriter console, int jobs) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be >= 1, got " + jobs);
        }
        List<PlannedRun> queue = plan(out);
        SuiteReport report = new SuiteReport(suite);
        RunResult[] results = new RunResult[queue.size()];
        AtomicInteger finished = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(jobs, runnable -> {
            Thread thread = new Thread(runnable, "acktr-suite-run");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < queue.size(); i++) {
                int slot = i;
                futures.add(pool.submit(() -> {
                    RunResult result = train(queue.get(slot));
                    synchronized (results) {
                        results[slot] = result;
                        report.write(out, Arrays.stream(results).filter(Objects::nonNull).toList());
                        print(console, finished.incrementAndGet(), queue.size(), result);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the suite was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return List.of(results);
    }

    private RunResult train(PlannedRun run) {
        TrainingSummary summary = new TrainingSession(run.config(), classLoader, pluginLookup)
                .train(null, OptionalDouble.of(run.task().threshold()), List.of(),
                        observer.inSuite(run.id(), run.variant().name()));
        return run.result(summary);
    }

    private static void print(PrintWriter console, int finished, int total, RunResult result) {
        if (console == null) {
            return;
        }
        console.println(progressLine(finished, total, result));
        console.flush();
    }

    /** The line a suite prints when a run has finished: {@code [i/n] task variant seed s: final ...}. */
    public static String progressLine(int finished, int total, RunResult result) {
        return String.format(Locale.ROOT, "[%d/%d] %s %s seed %d: final %.2f, %s, %.2f ms/update, %.0f s",
                finished, total, result.task(), result.variant(), result.seed(), result.finalMeanReturn(),
                result.stepsToThreshold().isPresent()
                        ? "threshold at " + result.stepsToThreshold().getAsLong() + " steps"
                        : "threshold not reached",
                result.meanUpdateMillis(), result.wallSeconds());
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
        RunPlugins plugins = pluginLookup.forRun(config);
        plugins.curvatureEstimator();
        plugins.stepSizeRule();
        plugins.policy();
        return config;
    }
}
