package io.acktr.runtime.suite;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Writes a suite's results as {@code results.md} (one row per task and variant: runs that reached
 * the threshold, env steps to it and the final mean return as mean ± sample standard deviation over
 * seeds, mean update time, and both relative to the baseline variant) and {@code results.json}
 * (the same aggregates plus every run). Files are replaced atomically.
 */
public final class SuiteReport {
    private final SuiteDefinition suite;

    public SuiteReport(SuiteDefinition suite) {
        this.suite = suite;
    }

    /**
     * Aggregates of one task x variant over its seeds.
     *
     * @param stepsRelative mean steps to the threshold over the baseline's, when every seed of both reached it
     * @param stepsRelativeBelow when every seed of this variant reached the threshold and no seed of the
     *     baseline did: the baseline needs more steps than each of its runs made, so the ratio is below
     *     this variant's mean over the baseline's shortest run
     */
    public record Row(String task, String variant, int runs, int reached, OptionalDouble stepsMean, double stepsSd,
                      double finalMean, double finalSd, double updateMillis, OptionalDouble updateRelative,
                      OptionalDouble stepsRelative, OptionalDouble stepsRelativeBelow) {
    }

    public List<Row> rows(List<RunResult> results) {
        return suite.tasks().stream().flatMap(task -> suite.variants().stream()
                .map(variant -> row(task.name(), variant.name(), results))
                .filter(row -> row.runs() > 0)).toList();
    }

    private Row row(String task, String variant, List<RunResult> results) {
        List<RunResult> mine = select(task, variant, results);
        List<RunResult> base = select(task, suite.baseline(), results);
        double[] steps = mine.stream().filter(r -> r.stepsToThreshold().isPresent())
                .mapToDouble(r -> r.stepsToThreshold().getAsLong()).toArray();
        double[] finals = mine.stream().mapToDouble(RunResult::finalMeanReturn).toArray();
        double update = mine.stream().mapToDouble(RunResult::meanUpdateMillis).average().orElse(Double.NaN);
        double baseUpdate = base.stream().mapToDouble(RunResult::meanUpdateMillis).average().orElse(Double.NaN);
        OptionalDouble stepsMean = steps.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(mean(steps));
        OptionalDouble stepsRelative = OptionalDouble.empty();
        boolean allReached = steps.length == mine.size();
        double[] baseSteps = base.stream().filter(r -> r.stepsToThreshold().isPresent())
                .mapToDouble(r -> r.stepsToThreshold().getAsLong()).toArray();
        OptionalDouble stepsRelativeBelow = OptionalDouble.empty();
        if (allReached && !mine.isEmpty() && baseSteps.length == base.size() && !base.isEmpty()) {
            stepsRelative = OptionalDouble.of(mean(steps) / mean(baseSteps));
        } else if (allReached && !mine.isEmpty() && baseSteps.length == 0 && !base.isEmpty()) {
            long shortest = base.stream().mapToLong(RunResult::envSteps).min().orElseThrow();
            stepsRelativeBelow = OptionalDouble.of(mean(steps) / shortest);
        }
        return new Row(task, variant, mine.size(), steps.length, stepsMean, sd(steps), mean(finals), sd(finals), update,
                Double.isFinite(baseUpdate) && baseUpdate > 0 ? OptionalDouble.of(update / baseUpdate) : OptionalDouble.empty(),
                stepsRelative, stepsRelativeBelow);
    }

    private static List<RunResult> select(String task, String variant, List<RunResult> results) {
        return results.stream().filter(r -> r.task().equals(task) && r.variant().equals(variant)).toList();
    }

    public String markdown(List<RunResult> results) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(suite.name()).append("\n\n");
        md.append("Seeds ").append(suite.seeds()).append("; baseline `").append(suite.baseline()).append("`. ")
                .append("Steps to threshold: first env step at which the mean return of the last 100 episodes reached it, ")
                .append("over the seeds that reached it. Final return: mean of the last 100 episodes at the end. ")
                .append("Mean ± sample standard deviation over seeds. Steps vs baseline: the ratio of the means when every ")
                .append("seed of both reached the threshold; \"< r\" when the baseline reached it on no seed, so it needs ")
                .append("more steps than its shortest run made.\n\n");
        md.append("| Task | Variant | Reached | Env steps to threshold | Final mean return | Update (ms) "
                + "| Update time vs baseline | Steps vs baseline |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows(results)) {
            SuiteDefinition.Task task = suite.tasks().stream().filter(t -> t.name().equals(row.task())).findFirst().orElseThrow();
            md.append(String.format(Locale.ROOT, "| %s (%s, %s) | %s | %d/%d | %s | %.1f ± %.1f | %.2f | %s | %s |%n",
                    task.environmentId(), fmt(task.threshold()), compactSteps(task.totalSteps()), row.variant(),
                    row.reached(), row.runs(),
                    row.stepsMean().isPresent() ? String.format(Locale.ROOT, "%,.0f ± %,.0f", row.stepsMean().getAsDouble(),
                            row.stepsSd()) : "—",
                    row.finalMean(), row.finalSd(), row.updateMillis(),
                    row.updateRelative().isPresent() ? String.format(Locale.ROOT, "%.2fx", row.updateRelative().getAsDouble()) : "—",
                    stepsVsBaseline(row)));
        }
        return md.toString();
    }

    /** {@code 0.34x}; {@code < 0.41x} when the baseline reached the threshold on no seed; else a dash. */
    private static String stepsVsBaseline(Row row) {
        if (row.stepsRelative().isPresent()) {
            return String.format(Locale.ROOT, "%.2fx", row.stepsRelative().getAsDouble());
        }
        if (row.stepsRelativeBelow().isPresent()) {
            return String.format(Locale.ROOT, "< %.2fx", row.stepsRelativeBelow().getAsDouble());
        }
        return "—";
    }

    public JsonObject json(List<RunResult> results) {
        JsonArray rows = new JsonArray();
        for (Row row : rows(results)) {
            rows.add(new JsonObject().put("task", row.task()).put("variant", row.variant()).put("runs", row.runs())
                    .put("reached", row.reached())
                    .put("stepsToThresholdMean", row.stepsMean().isPresent() ? row.stepsMean().getAsDouble() : null)
                    .put("stepsToThresholdSd", finiteOrNull(row.stepsSd()))
                    .put("finalMeanReturn", finiteOrNull(row.finalMean())).put("finalMeanReturnSd", finiteOrNull(row.finalSd()))
                    .put("meanUpdateMillis", finiteOrNull(row.updateMillis()))
                    .put("updateTimeVsBaseline", row.updateRelative().isPresent() ? row.updateRelative().getAsDouble() : null)
                    .put("stepsVsBaseline", row.stepsRelative().isPresent() ? row.stepsRelative().getAsDouble() : null)
                    .put("stepsVsBaselineBelow",
                            row.stepsRelativeBelow().isPresent() ? row.stepsRelativeBelow().getAsDouble() : null));
        }
        JsonArray runs = new JsonArray();
        for (RunResult r : results) {
            runs.add(runJson(r));
        }
        JsonArray tasks = new JsonArray();
        suite.tasks().forEach(t -> tasks.add(new JsonObject().put("name", t.name()).put("env", t.environmentId())
                .put("totalSteps", t.totalSteps()).put("threshold", t.threshold())));
        return new JsonObject().put("suite", suite.name()).put("seeds", new JsonArray(suite.seeds()))
                .put("baseline", suite.baseline()).put("tasks", tasks).put("rows", rows).put("runs", runs);
    }

    /** Writes {@code results.md} and {@code results.json} into {@code out}. */
    public void write(Path out, List<RunResult> results) {
        try {
            Files.createDirectories(out);
            replace(out.resolve("results.md"), markdown(results));
            replace(out.resolve("results.json"), json(results).encodePrettily() + "\n");
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

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }

    /** Sample standard deviation; 0 for one value, NaN for none. */
    static double sd(double[] v) {
        if (v.length < 2) {
            return v.length == 0 ? Double.NaN : 0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
