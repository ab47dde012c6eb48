package io.acktr.bench;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import io.acktr.runtime.bootstrap.GuicePluginLookup;
import io.acktr.runtime.learner.TrainingSummary;
import io.acktr.runtime.lifecycle.TrainingSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End-to-end training speed: one invocation is a whole {@link TrainingSession} of {@code steps}
 * environment steps on an environment preset (CartPole-v1 with 16 environments by default), as
 * {@code acktr train} runs it: start-up of the injector and environments, rollouts, updates and
 * {@code progress.csv}, in a fresh run directory under a temporary folder. The primary score is
 * training runs per second; the secondary score {@code envSteps} is environment steps per second,
 * and {@code peakResidentMb} the fork's peak resident set.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {ForkSettings.COLLECTOR, ForkSettings.INITIAL_HEAP, ForkSettings.YOUNG_GENERATION, ForkSettings.HEAP, ForkSettings.SINGLE_THREADED})
public class ThroughputBenchmark {
    /** {@code curvature:step}, see {@link Variant}. */
    @Param({"identity:rmsprop", "kfac:trust-region"})
    public String variant;

    /** A {@link Preset} id whose batch comes from environments. */
    @Param("cartpole-16x20")
    public String preset;

    /** {@code acktr.total-steps} of one run: 100 updates of 16 x 20, 50 of 32 x 20. */
    @Param("32000")
    public long steps;

    /** The environment steps trained, reported by JMH per second of the iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class EnvSteps {
        /** Environment steps trained in this iteration. */
        public long envSteps;

        /** Starts each iteration's count at 0. */
        @Setup(Level.Iteration)
        public void reset() {
            envSteps = 0;
        }
    }

    /**
     * The process's peak resident set so far ({@code VmHWM} of {@code /proc/self/status}), in MB,
     * read after each run: every iteration reports the peak up to its end, so the largest over the
     * iterations is the fork's peak (what {@link BenchmarkReport} quotes); 0 where there is no
     * {@code /proc}.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class PeakResident {
        /** The peak resident set of the fork up to the last run, in MB. */
        public long peakResidentMb;
    }

    private Config config;
    private Path runs;
    private int run;

    /** Loads the configuration and creates the folder the runs write to. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        ForkSettings.applyNativeThreads();
        Preset chosen = Preset.of(preset);
        if (!(chosen.workload() instanceof EnvironmentRollout)) {
            throw new IllegalArgumentException("preset " + preset + " has no environment to train on; choose one of the"
                    + " CartPole presets");
        }
        ClassLoader classLoader = ThroughputBenchmark.class.getClassLoader();
        List<String> overrides = new ArrayList<>(Variant.parse(variant).overrides());
        overrides.add("acktr.total-steps=" + steps);
        config = chosen.load(classLoader, overrides);
        runs = Files.createTempDirectory("acktr-bench-throughput");
    }

    /** One training run of {@code steps} environment steps. */
    @Benchmark
    public TrainingSummary train(EnvSteps counter, PeakResident peak) {
        Config thisRun = config.withValue("acktr.run-dir", ConfigValueFactory.fromAnyRef(runs.resolve("run-" + run++).toString()));
        ClassLoader classLoader = ThroughputBenchmark.class.getClassLoader();
        TrainingSummary summary = new TrainingSession(thisRun, classLoader, new GuicePluginLookup(classLoader))
                .train(null, OptionalDouble.empty(), List.of());
        counter.envSteps += summary.envSteps();
        peak.peakResidentMb = peakResidentBytes() >> 20;
        return summary;
    }

    /** {@code VmHWM} of {@code /proc/self/status} in bytes, or 0 when it cannot be read. */
    static long peakResidentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    String[] fields = line.trim().split("\\s+"); // "VmHWM:  123456 kB"
                    return Long.parseLong(fields[1]) << 10;
                }
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Deletes the runs' folders. */
    @TearDown(Level.Trial)
    public void deleteRuns() {
        try (Stream<Path> paths = Files.walk(runs)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + runs, e);
        }
    }
}
