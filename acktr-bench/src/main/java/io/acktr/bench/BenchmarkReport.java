package io.acktr.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs JMH with its usual command line and prints the results as markdown tables for
 * {@code docs/BENCHMARKS.md}: each update's time with its ratio to {@code identity:rmsprop} (A2C)
 * on the same preset in the same run, the K-FAC refresh with its cost amortised over
 * {@code inverse-interval} updates, the act step, and training throughput in environment steps per
 * second. Trials that failed (e.g. {@code cg-fisher} on a policy without forward mode) are absent.
 *
 * <pre>{@code
 * OMP_NUM_THREADS=1 java -cp acktr-bench/target/benchmarks.jar io.acktr.bench.BenchmarkReport \
 *     UpdateBenchmark KfacRefreshBenchmark -p variant=identity:rmsprop,kfac:trust-region -o jmh.log
 * }</pre>
 */
public final class BenchmarkReport {
    /** The secondary score of {@link ThroughputBenchmark} that is a peak, not a rate. */
    static final String PEAK_RESIDENT = "peakResidentMb";

    private BenchmarkReport() {
    }

    /** Runs the benchmarks that {@code args} select (JMH's options) and prints the tables. */
    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
        System.out.println(markdown(results));
    }

    /** A score with its 99.9% confidence half-width (NaN when JMH could not give one) and its unit. */
    record Score(double value, double error, String unit) {
        static Score of(Result<?> result) {
            return new Score(result.getScore(), result.getScoreError(), result.getScoreUnit());
        }

        /** The largest of the iterations' values, without an error: a high-water mark. */
        static Score peak(Result<?> result) {
            return new Score(result.getStatistics().getMax(), Double.NaN, result.getScoreUnit());
        }
    }

    /**
     * One measured trial.
     *
     * @param benchmark the benchmark's class name, e.g. {@code UpdateBenchmark}
     * @param params its {@code @Param} values by name
     * @param primary the benchmark method's score
     * @param secondary secondary scores by label, e.g. {@code envSteps}
     */
    record Row(String benchmark, Map<String, String> params, Score primary, Map<String, Score> secondary) {
        String param(String key) {
            return params.getOrDefault(key, "");
        }
    }

    /** The markdown tables of JMH's {@code results}, one per benchmark class that has results. */
    public static String markdown(Collection<RunResult> results) {
        List<Row> rows = new ArrayList<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            String[] parts = benchmark.split("\\.");
            String className = parts.length >= 2 ? parts[parts.length - 2] : benchmark;
            Map<String, String> params = new LinkedHashMap<>();
            for (String key : result.getParams().getParamsKeys()) {
                params.put(key, result.getParams().getParam(key));
            }
            Map<String, Score> secondary = new LinkedHashMap<>();
            result.getSecondaryResults().forEach((label, score) -> secondary.put(label,
                    label.equals(PEAK_RESIDENT) ? Score.peak(score) : Score.of(score)));
            rows.add(new Row(className, params, Score.of(result.getPrimaryResult()), secondary));
        }
        return markdown(rows);
    }

    /** The markdown tables of {@code rows}. */
    static String markdown(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        updates(rows, out);
        refreshes(rows, out);
        acts(rows, out);
        throughput(rows, out);
        others(rows, out);
        return out.toString();
    }

    private static void updates(List<Row> rows, StringBuilder out) {
        List<Row> updates = of(rows, "UpdateBenchmark");
        if (updates.isEmpty()) {
            return;
        }
        out.append("#### UpdateBenchmark: one update\n\n");
        out.append("| preset | variant | time per update | ± 99.9% | / ").append(Variant.A2C).append(" |\n");
        out.append("| --- | --- | ---: | ---: | ---: |\n");
        for (Row row : updates) {
            String ratio = baseline(updates, row.param("preset"))
                    .map(base -> format("%.2fx", row.primary().value() / base.primary().value())).orElse("n/a");
            out.append(cells(row.param("preset"), row.param("variant"), score(row.primary()), error(row.primary()), ratio));
        }
        out.append('\n');
    }

    private static void refreshes(List<Row> rows, StringBuilder out) {
        List<Row> refreshes = of(rows, "KfacRefreshBenchmark");
        if (refreshes.isEmpty()) {
            return;
        }
        out.append("#### KfacRefreshBenchmark: one refresh of the eigendecompositions of every K-FAC factor\n\n");
        out.append("| preset | one refresh | ± 99.9% | inverse-interval | amortised per update | share of a ")
                .append(Variant.ACKTR).append(" update |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        List<Row> updates = of(rows, "UpdateBenchmark");
        for (Row row : refreshes) {
            int interval = inverseInterval(row.param("preset"));
            double amortised = row.primary().value() / interval;
            String share = updates.stream()
                    .filter(u -> u.param("preset").equals(row.param("preset")) && u.param("variant").equals(Variant.ACKTR.toString())
                            && u.primary().unit().equals(row.primary().unit()))
                    .findFirst().map(u -> format("%.1f%%", 100 * amortised / u.primary().value())).orElse("n/a");
            out.append(cells(row.param("preset"), score(row.primary()), error(row.primary()), String.valueOf(interval),
                    format("%.3f ", amortised) + row.primary().unit(), share));
        }
        out.append('\n');
    }

    private static void acts(List<Row> rows, StringBuilder out) {
        List<Row> acts = of(rows, "ActBenchmark");
        if (acts.isEmpty()) {
            return;
        }
        out.append("#### ActBenchmark: one act step\n\n");
        out.append("| preset | path | observations | time per act step | ± 99.9% |\n");
        out.append("| --- | --- | ---: | ---: | ---: |\n");
        for (Row row : acts) {
            out.append(cells(row.param("preset"), row.param("path"), row.param("observations"), score(row.primary()),
                    error(row.primary())));
        }
        out.append('\n');
    }

    private static void throughput(List<Row> rows, StringBuilder out) {
        List<Row> runs = of(rows, "ThroughputBenchmark");
        if (runs.isEmpty()) {
            return;
        }
        out.append("#### ThroughputBenchmark: whole training runs\n\n");
        out.append("| preset | variant | steps per run | env steps per second | ± 99.9% | peak resident set |\n");
        out.append("| --- | --- | ---: | ---: | ---: | ---: |\n");
        for (Row row : runs) {
            Score steps = row.secondary().get("envSteps");
            Score peak = row.secondary().get(PEAK_RESIDENT);
            out.append(cells(row.param("preset"), row.param("variant"), row.param("steps"),
                    steps == null ? "n/a" : format("%.0f", steps.value()), steps == null ? "n/a" : error(steps, "%.0f"),
                    peak == null || peak.value() <= 0 ? "n/a" : format("%.0f MB", peak.value())));
        }
        out.append('\n');
    }

    private static void others(List<Row> rows, StringBuilder out) {
        List<Row> others = rows.stream().filter(r -> !List.of("UpdateBenchmark", "KfacRefreshBenchmark", "ActBenchmark",
                "ThroughputBenchmark").contains(r.benchmark())).toList();
        if (others.isEmpty()) {
            return;
        }
        out.append("#### Other benchmarks\n\n");
        out.append("| benchmark | parameters | score | ± 99.9% |\n| --- | --- | ---: | ---: |\n");
        for (Row row : others) {
            out.append(cells(row.benchmark(), row.params().toString(), score(row.primary()), error(row.primary())));
        }
        out.append('\n');
    }

    private static Optional<Row> baseline(List<Row> updates, String preset) {
        return updates.stream().filter(u -> u.param("preset").equals(preset) && u.param("variant").equals(Variant.A2C.toString()))
                .findFirst();
    }

    /** K-FAC's {@code inverse-interval} as the preset's run configures it. */
    private static int inverseInterval(String preset) {
        return Preset.of(preset).load(BenchmarkReport.class.getClassLoader(), Variant.ACKTR.overrides())
                .getInt("acktr.curvature." + Variant.ACKTR.curvature() + ".inverse-interval");
    }

    private static List<Row> of(List<Row> rows, String benchmark) {
        return rows.stream().filter(r -> r.benchmark().equals(benchmark)).toList();
    }

    private static String score(Score score) {
        return format("%.3f ", score.value()) + score.unit();
    }

    private static String error(Score score) {
        return error(score, "%.3f");
    }

    private static String error(Score score, String pattern) {
        return Double.isFinite(score.error()) ? format(pattern, score.error()) : "n/a";
    }

    private static String cells(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
