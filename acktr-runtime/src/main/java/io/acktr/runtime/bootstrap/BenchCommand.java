package io.acktr.runtime.bootstrap;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.acktr.runtime.bench.UpdateCostBenchmark;
import io.acktr.runtime.settings.ConfigLoader;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code acktr bench}: measurements that are not unit tests. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks: update cost and sample efficiency.",
        subcommands = {BenchCommand.UpdateCost.class, BenchCommand.SampleEfficiency.class})
final class BenchCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code acktr bench sample-efficiency}: ACKTR against A2C on a suite of tasks. */
    @Command(name = "sample-efficiency", mixinStandardHelpOptions = true,
            description = "Train ACKTR and A2C on each task of a suite and seed; write a markdown table and JSON with"
                    + " env steps to threshold and final return (IQM over seeds with 95%% bootstrap intervals), the"
                    + " probability of improvement and the ratio ACKTR / A2C, and plots of the learning curves.")
    static final class SampleEfficiency implements Callable<Integer> {
        static final String SUITE = "io/acktr/runtime/suites/sample-efficiency.conf";

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        SuiteOptions options = new SuiteOptions();

        @Override
        public Integer call() {
            return options.run("sample-efficiency", SUITE, spec.commandLine().getOut());
        }
    }

    /** {@code acktr bench update-cost}: one update of each variant on the same network and batch. */
    @Command(name = "update-cost", mixinStandardHelpOptions = true,
            description = "Time one update of each variant on the same network and batch, interleaved, and print"
                    + " each one's median (no eigendecomposition) and mean (eigendecompositions amortised) relative"
                    + " to the first variant.")
    static final class UpdateCost implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--variant", paramLabel = "CURVATURE:STEP[@KEY=VALUE...]", split = ",",
                description = "Variants to time; the first is the baseline (default: identity:rmsprop, kfac:trust-region,"
                        + " ekfac:trust-region, diagonal:trust-region, cg-fisher:line-search). Settings of one variant"
                        + " follow @, e.g. kfac:trust-region@acktr.curvature.kfac.async=true.")
        List<String> variants = new ArrayList<>(List.of("identity:rmsprop", "kfac:trust-region", "ekfac:trust-region",
                "diagonal:trust-region", "cg-fisher:line-search"));

        @Option(names = {"-c", "--config"}, paramLabel = "FILE",
                description = "Run configuration (network, environment, batch); default: the built-in CartPole run.")
        java.nio.file.Path config;

        @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
                description = "Override a setting, e.g. --set acktr.env.count=32 for a 32 x 20 batch.")
        List<String> overrides = new ArrayList<>();

        @Option(names = "--rounds", description = "Timed updates per variant (default: ${DEFAULT-VALUE}).")
        int rounds = 200;

        @Option(names = "--warmup", description = "Untimed updates per variant first (default: ${DEFAULT-VALUE}).")
        int warmup = 30;

        @Override
        public Integer call() {
            if (rounds < 1 || warmup < 0) {
                throw new ConfigException.BadValue("--rounds", "rounds must be >= 1 and warmup >= 0");
            }
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            List<UpdateCostBenchmark.Variant> resolved = new ArrayList<>();
            for (String variant : variants) {
                String[] settings = variant.split("@");
                String[] parts = settings[0].split(":");
                if (parts.length != 2) {
                    throw new ConfigException.BadValue("--variant", "\"" + variant + "\": expected CURVATURE:STEP, e.g. kfac:trust-region");
                }
                List<String> sets = new ArrayList<>(overrides);
                sets.addAll(List.of(settings).subList(1, settings.length));
                sets.add(PluginRegistry.CURVATURE_TYPE + "=" + parts[0]);
                sets.add(PluginRegistry.STEP_SIZE_TYPE + "=" + parts[1]);
                Config c = ConfigLoader.load(loader, Optional.ofNullable(config), sets);
                resolved.add(new UpdateCostBenchmark.Variant(variant, c));
            }
            PrintWriter out = spec.commandLine().getOut();
            List<UpdateCostBenchmark.Timing> timings = new UpdateCostBenchmark(loader, new GuicePluginLookup(loader)).run(resolved, warmup, rounds);
            UpdateCostBenchmark.Timing base = timings.get(0);
            out.printf(Locale.ROOT, "%d parameters, batch %d, %d timed updates per variant (after %d warm-up), interleaved%n",
                    base.parameters(), base.batchSize(), rounds, warmup);
            out.printf(Locale.ROOT, "%-28s %10s %10s %10s %12s %12s %12s %13s%n", "variant", "median ms", "mean ms", "min ms",
                    "median/base", "mean/base", "round ratio", "window ratio");
            for (UpdateCostBenchmark.Timing t : timings) {
                out.printf(Locale.ROOT, "%-28s %10.3f %10.3f %10.3f %11.2fx %11.2fx %11.2fx %12.2fx%n", t.variant(),
                        t.medianMillis(), t.meanMillis(), t.minMillis(), t.medianMillis() / base.medianMillis(),
                        t.meanMillis() / base.meanMillis(), t.roundRatio(), t.windowRatio());
            }
            out.println("round ratio: the median over rounds of the variant's time / the first variant's in that round;");
            out.println("window ratio: the same over windows of " + UpdateCostBenchmark.WINDOW
                    + " consecutive rounds (K-FAC's eigendecompositions amortised)");
            out.flush();
            return 0;
        }
    }
}
