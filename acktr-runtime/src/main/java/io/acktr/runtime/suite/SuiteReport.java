package io.acktr.runtime.suite;

import io.acktr.runtime.statistics.Interval;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes a suite's results as {@code results.md} and {@code results.json}: per task and variant the
 * runs that reached the threshold, env steps to it and the final mean return as interquartile means
 * with 95% stratified bootstrap intervals, the probability of improvement over the baseline variant
 * and the update time; across tasks, on returns normalised per task, the IQM, the probability of
 * improvement and the performance profile ({@link SuiteStatistics}). {@code results.json} holds the
 * same figures and every run. Pictures ({@link SuitePlots}) go next to them, embedded in results.md.
 * Files are replaced atomically.
 */
public final class SuiteReport {
    private final SuiteDefinition suite;
    private final SuiteStatistics statistics;

    public SuiteReport(SuiteDefinition suite) {
        this.suite = suite;
        this.statistics = new SuiteStatistics(suite);
    }

    public List<SuiteStatistics.Row> rows(List<RunResult> results) {
        return statistics.rows(results);
    }

    public String markdown(List<RunResult> results) {
        return markdown(results, List.of(), null);
    }

    /** results.md with the pictures embedded, or why they could not be drawn ({@code plotFailure}, may be null). */
    String markdown(List<RunResult> results, List<SuitePlots.Figure> figures, String plotFailure) {
        return markdown(results, figures, plotFailure, List.of());
    }

    private String markdown(List<RunResult> results, List<SuitePlots.Figure> figures, String plotFailure,
                            List<StepDiagnostics.Row> diagnostics) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(suite.name()).append("\n\n");
        md.append("Seeds ").append(suite.seeds()).append("; baseline `").append(suite.baseline()).append("`. ")
                .append("Steps to threshold: first env step at which the mean return of the last 100 episodes reached it; ")
                .append("a run that never reached it counts as infinitely many steps (∞). ")
                .append("Final return: mean of the last 100 episodes at the end. ")
                .append("Each figure is the interquartile mean (IQM: the mean of the middle half of the runs) with its 95% ")
                .append("bootstrap confidence interval in brackets (percentile interval, ")
                .append(String.format(Locale.ROOT, "%,d", statistics.bootstrap().resamples()))
                .append(" resamples with a fixed seed). P(better): the probability that a run of the variant ends with a ")
                .append("higher return than a run of the baseline on the same task; P(faster): that it reaches the threshold ")
                .append("in fewer steps (ties count one half; 0.5: neither is better). Steps vs baseline: the ratio of the ")
                .append("IQMs; \"< r\" when the baseline reached the threshold on no seed, so it needs more steps than its ")
                .append("shortest run made.\n\n");
        md.append("| Task | Variant | Reached | Env steps to threshold | Final return | P(better) | P(faster) "
                + "| Steps vs baseline | Update (ms) | Update time vs baseline |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (SuiteStatistics.Row row : statistics.rows(results)) {
            SuiteDefinition.Task task = task(row.task());
            md.append(String.format(Locale.ROOT, "| %s (%s, %s) | %s | %d/%d | %s | %s | %s | %s | %s | %.2f | %s |%n",
                    task.environmentId(), fmt(task.threshold()), compactSteps(task.totalSteps()), row.variant(),
                    row.reached(), row.runs(), row.steps().map(i -> interval(i, "%,.0f")).orElse("—"),
                    row.finalReturn().map(i -> interval(i, "%.1f")).orElse("—"),
                    row.betterThanBaseline().map(i -> interval(i, "%.2f")).orElse("—"),
                    row.fasterThanBaseline().map(i -> interval(i, "%.2f")).orElse("—"),
                    stepsVsBaseline(row), row.updateMillis(),
                    row.updateRelative().isPresent() ? String.format(Locale.ROOT, "%.2fx", row.updateRelative().getAsDouble()) : "—"));
        }
        aggregateMarkdown(md, results);
        if (!diagnostics.isEmpty()) {
            md.append("\n### Step diagnostics\n\nPooled over the measured updates of every seed: median [quartiles], and how ")
                    .append("many updates measured it.\n\n")
                    .append("*Measured / predicted KL*: the KL of each update (between the policies before and after its step) ")
                    .append("over the KL its step rule predicted. Below 1: the rule's quadratic model (its damped, approximate Fisher) overestimates ")
                    .append("the step's KL; above 1: it underestimates it. Caveat: the measured KL (progress.csv's `kl`) is the ")
                    .append("policy's alone, while a natural-gradient rule predicts the joint KL of policy and critic (the ")
                    .append("critic's Gaussian weighted by `value-fisher-coefficient`), so the ratio also reads low by the ")
                    .append("critic's share. Rules that predict no KL (RMSProp) have none.\n\n")
                    .append("*Direction cosine*: the cosine between the curvature estimator's direction (before the step rule ")
                    .append("scales it) and the exact damped natural gradient `(F + lambda I)^-1 grad` of the same batch, F the ")
                    .append("exact Fisher of policy and critic together (progress.csv's `direction_cosine`, every ")
                    .append("`acktr.diagnostics.direction-cosine.interval` updates; lambda is its `damping`). 1: the estimator ")
                    .append("points where the exact natural gradient does. Estimators that draw the Fisher's targets (K-FAC, ")
                    .append("explicit) read below 1 from that sampling alone. *Per group*: the mean over parameter groups (a ")
                    .append("separate actor and critic) of the cosine within each, blind to how the direction weighs the actor ")
                    .append("against the critic, which a per-group trust region sets anew; the same as the other with one group.\n\n")
                    .append("| Task | Variant | Runs | Updates | Measured / predicted KL, median [quartiles] | Updates ")
                    .append("| Direction cosine, median [quartiles] | Per group, median [quartiles] |\n")
                    .append("|---|---|---|---|---|---|---|---|\n");
            for (StepDiagnostics.Row d : diagnostics) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s |%n", task(d.task()).environmentId(), d.variant(),
                        d.runs(), spread(d.klRatio(), "%.3g"), spread(d.directionCosine(), "%.3f"),
                        d.directionCosinePerGroup().map(s -> String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", s.median(),
                                s.lowerQuartile(), s.upperQuartile())).orElse("—")));
            }
        }
        if (!figures.isEmpty()) {
            md.append("\n### Pictures\n\nLearning curves: the line is the IQM over seeds of the mean return of the last 100 ")
                    .append("episodes, each run interpolated linearly between its updates; the band is its 95% bootstrap ")
                    .append("interval. Across tasks: normalised final returns as above.\n\n");
            figures.forEach(f -> md.append("![").append(f.caption()).append("](").append(f.file()).append(")\n\n"));
        }
        if (plotFailure != null) {
            md.append("\nThe pictures could not be drawn: ").append(plotFailure).append('\n');
        }
        return md.toString();
    }

    private void aggregateMarkdown(StringBuilder md, List<RunResult> results) {
        List<SuiteStatistics.Aggregate> aggregates = statistics.aggregates(results, SuiteStatistics.PROFILE_TABLE_TAUS);
        if (aggregates.isEmpty()) {
            return;
        }
        md.append("\n### Across tasks\n\n");
        md.append("Final returns normalised per task: 0 is the return of uniformly random actions (the task's `random-return`, ")
                .append("0 when the suite states none), 1 the threshold. Runs are resampled within their task, and every ")
                .append("task weighs the same in P(better) and in the profile.");
        List<String> left = suite.tasks().stream().filter(t -> t.normalisation().isEmpty()).map(SuiteDefinition.Task::name).toList();
        if (!left.isEmpty()) {
            md.append(" Left out, with a threshold <= 0 and no `random-return`: ").append(String.join(", ", left)).append('.');
        }
        md.append("\n\n| Variant | Tasks | Normalised final return, IQM | P(better) |\n|---|---|---|---|\n");
        for (SuiteStatistics.Aggregate a : aggregates) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", a.variant(), String.join(", ", a.tasks()),
                    interval(a.normalisedFinalReturn(), "%.2f"), a.betterThanBaseline().map(i -> interval(i, "%.2f")).orElse("—")));
        }
        md.append("\nPerformance profile: the fraction of runs whose normalised final return is above tau.\n\n| Variant |");
        for (double tau : SuiteStatistics.PROFILE_TABLE_TAUS) {
            md.append(String.format(Locale.ROOT, " tau = %s |", tau));
        }
        md.append("\n|---|").append("---|".repeat(SuiteStatistics.PROFILE_TABLE_TAUS.length)).append('\n');
        for (SuiteStatistics.Aggregate a : aggregates) {
            md.append("| ").append(a.variant()).append(" |");
            a.profile().forEach(p -> md.append(' ').append(interval(p.fraction(), "%.2f")).append(" |"));
            md.append('\n');
        }
    }

    private SuiteDefinition.Task task(String name) {
        return suite.tasks().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    /** {@code 12.3 [10.1, 15.0]}, infinite values as ∞. */
    static String interval(Interval i, String format) {
        return number(i.estimate(), format) + " [" + number(i.lower(), format) + ", " + number(i.upper(), format) + "]";
    }

    private static String number(double value, String format) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        return String.format(Locale.ROOT, format, value);
    }

    /** {@code 0.34x}; {@code < 0.41x} when the baseline reached the threshold on no seed; else a dash. */
    private static String stepsVsBaseline(SuiteStatistics.Row row) {
        if (row.stepsRelative().isPresent()) {
            return String.format(Locale.ROOT, "%.2fx", row.stepsRelative().getAsDouble());
        }
        if (row.stepsRelativeBelow().isPresent()) {
            return String.format(Locale.ROOT, "< %.2fx", row.stepsRelativeBelow().getAsDouble());
        }
        return "—";
    }

    /**
     * The figures of results.md and every run. An interval is {@code {iqm|probability, lower, upper}};
     * an infinite bound is the string {@code "Infinity"} (JSON has no infinity).
     */
    public JsonObject json(List<RunResult> results) {
        return json(results, List.of());
    }

    private JsonObject json(List<RunResult> results, List<StepDiagnostics.Row> diagnostics) {
        JsonArray rows = new JsonArray();
        for (SuiteStatistics.Row row : statistics.rows(results)) {
            rows.add(new JsonObject().put("task", row.task()).put("variant", row.variant()).put("runs", row.runs())
                    .put("reached", row.reached())
                    .put("stepsToThreshold", row.steps().map(SuiteReport::intervalJson).orElse(null))
                    .put("finalMeanReturn", row.finalReturn().map(SuiteReport::intervalJson).orElse(null))
                    .put("probabilityBetterThanBaseline", row.betterThanBaseline().map(SuiteReport::intervalJson).orElse(null))
                    .put("probabilityFasterThanBaseline", row.fasterThanBaseline().map(SuiteReport::intervalJson).orElse(null))
                    .put("meanUpdateMillis", finiteOrNull(row.updateMillis()))
                    .put("updateTimeVsBaseline", row.updateRelative().isPresent() ? row.updateRelative().getAsDouble() : null)
                    .put("stepsVsBaseline", row.stepsRelative().isPresent() ? row.stepsRelative().getAsDouble() : null)
                    .put("stepsVsBaselineBelow",
                            row.stepsRelativeBelow().isPresent() ? row.stepsRelativeBelow().getAsDouble() : null));
        }
        JsonArray aggregates = new JsonArray();
        for (SuiteStatistics.Aggregate a : statistics.aggregates(results, SuiteStatistics.PROFILE_TABLE_TAUS)) {
            JsonArray profile = new JsonArray();
            a.profile().forEach(p -> profile.add(intervalJson(p.fraction()).put("tau", p.tau())));
            aggregates.add(new JsonObject().put("variant", a.variant()).put("tasks", new JsonArray(a.tasks()))
                    .put("normalisedFinalReturn", intervalJson(a.normalisedFinalReturn()))
                    .put("probabilityBetterThanBaseline", a.betterThanBaseline().map(SuiteReport::intervalJson).orElse(null))
                    .put("performanceProfile", profile));
        }
        JsonArray runs = new JsonArray();
        for (RunResult r : results) {
            runs.add(runJson(r));
        }
        JsonArray tasks = new JsonArray();
        suite.tasks().forEach(t -> tasks.add(new JsonObject().put("name", t.name()).put("env", t.environmentId())
                .put("totalSteps", t.totalSteps()).put("threshold", t.threshold())
                .put("randomReturn", t.randomReturn().isPresent() ? t.randomReturn().getAsDouble() : null)));
        JsonObject bootstrap = new JsonObject().put("resamples", statistics.bootstrap().resamples())
                .put("seed", statistics.bootstrap().seed()).put("level", statistics.bootstrap().level());
        return new JsonObject().put("suite", suite.name()).put("seeds", new JsonArray(suite.seeds()))
                .put("baseline", suite.baseline()).put("bootstrap", bootstrap).put("tasks", tasks).put("rows", rows)
                .put("acrossTasks", aggregates).put("stepDiagnostics", diagnosticsJson(diagnostics)).put("runs", runs);
    }

    /** "count | median [lower, upper]" cells of a spread, or dashes. */
    private static String spread(Optional<StepDiagnostics.Spread> spread, String format) {
        return spread.map(s -> String.format(Locale.ROOT, "%,d | " + format + " [" + format + ", " + format + "]", s.count(),
                s.median(), s.lowerQuartile(), s.upperQuartile())).orElse("— | —");
    }

    private static JsonArray diagnosticsJson(List<StepDiagnostics.Row> diagnostics) {
        JsonArray array = new JsonArray();
        diagnostics.forEach(d -> {
            JsonObject row = new JsonObject().put("task", d.task()).put("variant", d.variant()).put("runs", d.runs());
            d.klRatio().ifPresent(k -> row.put("updates", k.count()).put("klRatioMedian", k.median())
                    .put("klRatioLowerQuartile", k.lowerQuartile()).put("klRatioUpperQuartile", k.upperQuartile()));
            d.directionCosine().ifPresent(c -> row.put("directionCosineUpdates", c.count()).put("directionCosineMedian", c.median())
                    .put("directionCosineLowerQuartile", c.lowerQuartile()).put("directionCosineUpperQuartile", c.upperQuartile()));
            d.directionCosinePerGroup().ifPresent(c -> row.put("directionCosinePerGroupMedian", c.median())
                    .put("directionCosinePerGroupLowerQuartile", c.lowerQuartile())
                    .put("directionCosinePerGroupUpperQuartile", c.upperQuartile()));
            array.add(row);
        });
        return array;
    }

    private static JsonObject intervalJson(Interval i) {
        return new JsonObject().put("estimate", jsonNumber(i.estimate())).put("lower", jsonNumber(i.lower()))
                .put("upper", jsonNumber(i.upper()));
    }

    private static Object jsonNumber(double v) {
        return Double.isInfinite(v) ? (v > 0 ? "Infinity" : "-Infinity") : v;
    }

    /** Writes {@code results.md} and {@code results.json} into {@code out}, with the pictures. */
    public void write(Path out, List<RunResult> results) {
        write(out, results, true);
    }

    /**
     * Writes {@code results.md} and {@code results.json} into {@code out}; with {@code pictures}
     * also the suite's pictures and the step diagnostics ({@link StepDiagnostics}), which read every
     * run's progress.csv and take a second or two (a caller on an event loop draws them once, at the
     * end).
     */
    public void write(Path out, List<RunResult> results, boolean pictures) {
        try {
            Files.createDirectories(out);
            List<SuitePlots.Figure> figures = List.of();
            List<StepDiagnostics.Row> diagnostics = List.of();
            String plotFailure = null;
            if (pictures) {
                diagnostics = StepDiagnostics.rows(suite, results);
                try {
                    figures = new SuitePlots(suite, statistics).write(out, results);
                } catch (RuntimeException | LinkageError e) {
                    // the tables matter more than the pictures: a machine without fonts or AWT still gets them
                    plotFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
            }
            replace(out.resolve("results.md"), markdown(results, figures, plotFailure, diagnostics));
            replace(out.resolve("results.json"), json(results, diagnostics).encodePrettily() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the suite report to " + out, e);
        }
    }

    /** The runs recorded in the {@code results.json} of each directory, in order. */
    public static List<RunResult> readRuns(List<Path> directories) {
        List<RunResult> runs = new java.util.ArrayList<>();
        for (Path directory : directories) {
            Path file = directory.resolve("results.json");
            if (!Files.isRegularFile(file)) {
                throw new com.typesafe.config.ConfigException.BadValue("--merge", file + " does not exist");
            }
            JsonObject json;
            try {
                json = new JsonObject(Files.readString(file));
            } catch (IOException | io.vertx.core.json.DecodeException e) {
                throw new com.typesafe.config.ConfigException.BadValue("--merge", file + " is not a suite's results.json: "
                        + e.getMessage());
            }
            for (Object o : json.getJsonArray("runs")) {
                runs.add(runFromJson((JsonObject) o));
            }
        }
        return runs;
    }

    /** One run as an element of {@code results.json}'s {@code runs}. */
    public static JsonObject runJson(RunResult r) {
        return new JsonObject().put("task", r.task()).put("variant", r.variant()).put("seed", r.seed())
                .put("envSteps", r.envSteps())
                .put("stepsToThreshold", r.stepsToThreshold().isPresent() ? r.stepsToThreshold().getAsLong() : null)
                .put("finalMeanReturn", finiteOrNull(r.finalMeanReturn()))
                .put("meanUpdateMillis", finiteOrNull(r.meanUpdateMillis()))
                .put("wallSeconds", r.wallSeconds()).put("skippedUpdates", r.skippedUpdates())
                .put("runDirectory", r.runDirectory());
    }

    /** The inverse of {@link #runJson(RunResult)}. */
    public static RunResult runFromJson(JsonObject r) {
        Long steps = r.getLong("stepsToThreshold");
        return new RunResult(r.getString("task"), r.getString("variant"), r.getLong("seed"), r.getLong("envSteps"),
                steps == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(steps),
                orNaN(r.getDouble("finalMeanReturn")), orNaN(r.getDouble("meanUpdateMillis")),
                r.getDouble("wallSeconds"), r.getLong("skippedUpdates"), r.getString("runDirectory"));
    }

    private static double orNaN(Double v) {
        return v == null ? Double.NaN : v;
    }

    private static void replace(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String fmt(double threshold) {
        return threshold == Math.rint(threshold) ? String.valueOf((long) threshold) : String.valueOf(threshold);
    }

    private static String compactSteps(long steps) {
        return steps % 1_000_000 == 0 ? steps / 1_000_000 + "M steps"
                : steps % 1000 == 0 ? steps / 1000 + "k steps" : steps + " steps";
    }
}
