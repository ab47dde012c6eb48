package io.acktr.runtime.suite;

import static java.util.Objects.requireNonNull;

import io.acktr.runtime.plot.ChartWriter;
import io.acktr.runtime.plot.CurveBand;
import io.acktr.runtime.plot.ProgressCsv;
import io.acktr.runtime.plot.RunCurve;
import io.acktr.runtime.statistics.Interval;
import io.acktr.runtime.statistics.PerformanceProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * The pictures of a suite, written next to its results.md: per task the learning curves of each
 * variant (mean return over env steps: the IQM over seeds with its 95% bootstrap band, the
 * threshold dashed); across tasks the IQM of normalised final returns with its interval, and the
 * performance profile with its band. A variant keeps its colour in every picture.
 */
final class SuitePlots {
    /** One picture of results.md: its caption and file name, relative to results.md. */
    record Figure(String caption, String file) {
    }

    private final SuiteDefinition suite;
    private final SuiteStatistics statistics;

    SuitePlots(SuiteDefinition suite, SuiteStatistics statistics) {
        this.suite = requireNonNull(suite, "suite is null");
        this.statistics = requireNonNull(statistics, "statistics is null");
    }

    /** Draws every picture the results allow into {@code out}; runs whose progress.csv is gone are left out. */
    List<Figure> write(Path out, List<RunResult> results) {
        List<Figure> figures = new ArrayList<>();
        for (SuiteDefinition.Task task : suite.tasks()) {
            List<CurveBand> bands = new ArrayList<>();
            List<Integer> colours = new ArrayList<>();
            for (int v = 0; v < suite.variants().size(); v++) {
                String variant = suite.variants().get(v).name();
                List<RunCurve> curves = new ArrayList<>();
                for (RunResult run : SuiteStatistics.select(task.name(), variant, results)) {
                    Path directory = Path.of(run.runDirectory());
                    if (Files.isRegularFile(directory.resolve(ProgressCsv.FILE_NAME))) {
                        RunCurve curve = ProgressCsv.read(directory).curve(run.runDirectory(), "env_steps", "mean_return");
                        if (curve.x().length > 0) {
                            curves.add(curve);
                        }
                    }
                }
                if (!curves.isEmpty()) {
                    bands.add(CurveBand.of(variant, curves, statistics.bootstrap()));
                    colours.add(v);
                }
            }
            if (bands.isEmpty()) {
                continue;
            }
            XYChart chart = ChartWriter.curves(task.environmentId() + ": mean return of the last 100 episodes, IQM over seeds",
                    "env steps", "mean return", bands, colours);
            double end = bands.stream().mapToDouble(b -> b.x()[b.x().length - 1]).max().orElseThrow();
            ChartWriter.horizontalLine(chart, "threshold", task.threshold(), 0, end);
            String file = "curves-" + task.name() + ".png";
            ChartWriter.write(chart, out.resolve(file));
            figures.add(new Figure(task.environmentId() + " learning curves", file));
        }
        double[] taus = profileGrid(results);
        List<SuiteStatistics.Aggregate> aggregates = statistics.aggregates(results, taus);
        if (!aggregates.isEmpty()) {
            List<String> names = aggregates.stream().map(SuiteStatistics.Aggregate::variant).toList();
            List<Interval> intervals = aggregates.stream().map(SuiteStatistics.Aggregate::normalisedFinalReturn).toList();
            ChartWriter.write(ChartWriter.intervals("Normalised final return across tasks, IQM with 95% CI",
                    "normalised final return (0 random, 1 threshold)", names, intervals), out.resolve("across-tasks-iqm.png"));
            figures.add(new Figure("IQM of normalised final returns across tasks", "across-tasks-iqm.png"));
            List<CurveBand> profiles = new ArrayList<>();
            List<Integer> colours = new ArrayList<>();
            for (SuiteStatistics.Aggregate a : aggregates) {
                double[] centre = a.profile().stream().mapToDouble(p -> p.fraction().estimate()).toArray();
                double[] lower = a.profile().stream().mapToDouble(p -> p.fraction().lower()).toArray();
                double[] upper = a.profile().stream().mapToDouble(p -> p.fraction().upper()).toArray();
                int runs = (int) results.stream().filter(r -> r.variant().equals(a.variant()) && a.tasks().contains(r.task())).count();
                profiles.add(new CurveBand(a.variant(), runs, taus, centre, lower, upper));
                colours.add(variantIndex(a.variant()));
            }
            ChartWriter.write(ChartWriter.curves("Performance profile: fraction of runs above tau, 95% CI",
                    "tau (normalised final return)", "fraction of runs > tau", profiles, colours),
                    out.resolve("performance-profile.png"));
            figures.add(new Figure("performance profile", "performance-profile.png"));
        }
        return figures;
    }

    private int variantIndex(String name) {
        for (int v = 0; v < suite.variants().size(); v++) {
            if (suite.variants().get(v).name().equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("no variant " + name);
    }

    /** From 0 to a little beyond the best normalised score, at least to 1.2. */
    private double[] profileGrid(List<RunResult> results) {
        double best = 1.2;
        for (SuiteDefinition.Task task : statistics.normalisedTasks()) {
            double[] scores = task.normalisation().orElseThrow().of(SuiteStatistics.finals(
                    results.stream().filter(r -> r.task().equals(task.name())).toList()));
            best = Math.max(best, 1.05 * Arrays.stream(scores).max().orElse(0));
        }
        return PerformanceProfile.grid(0, best, 61);
    }
}
