package io.acktr.runtime.suite;

import io.acktr.runtime.plot.ProgressCsv;
import io.acktr.runtime.statistics.Quantiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The curvature-quality diagnostics of a suite, per task and variant, pooled over the measured
 * updates of every seed (median and quartiles):
 * <ul>
 *   <li>how well the step rule predicts what its steps do: the ratio of the KL measured after each
 *       update ({@code kl} of progress.csv) to the KL the rule predicted ({@code predicted_kl}). Far
 *       below 1, the quadratic model of the trust region overestimates the step's KL (the step is
 *       smaller than the radius allows); far above 1, it underestimates it. Rules that predict nothing
 *       (RMSProp) have none. Caveat: {@code kl} is the policy's KL alone, while a natural-gradient rule
 *       predicts the joint KL of policy and critic (the critic's Gaussian weighted by
 *       {@code value-fisher-coefficient}), so the ratio reads low by the critic's share;</li>
 *   <li>how well the curvature estimator points: the cosine between its direction and the exact
 *       damped natural gradient of the same batch ({@code direction_cosine}, written every
 *       {@code acktr.diagnostics.direction-cosine.interval} updates), over all parameters and as the mean
 *       of the cosines within each parameter group ({@code direction_cosine_per_group}).</li>
 * </ul>
 */
final class StepDiagnostics {
    /** Median and quartiles of {@code count} pooled values. */
    record Spread(long count, double lowerQuartile, double median, double upperQuartile) {
        static Optional<Spread> of(List<double[]> perRun) {
            double[] pooled = perRun.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
            if (pooled.length == 0) {
                return Optional.empty();
            }
            return Optional.of(new Spread(pooled.length, Quantiles.ofSorted(pooled, 0.25), Quantiles.ofSorted(pooled, 0.5),
                    Quantiles.ofSorted(pooled, 0.75)));
        }
    }

    /**
     * One task x variant: the runs that measured either figure, and each figure's spread (empty when no
     * update measured it).
     */
    record Row(String task, String variant, int runs, Optional<Spread> klRatio, Optional<Spread> directionCosine,
               Optional<Spread> directionCosinePerGroup) {
    }

    private StepDiagnostics() {
    }

    /** The rows of the runs whose progress.csv is at hand, in the suite's order. */
    static List<Row> rows(SuiteDefinition suite, List<RunResult> results) {
        List<Row> rows = new ArrayList<>();
        for (SuiteDefinition.Task task : suite.tasks()) {
            for (SuiteDefinition.Variant variant : suite.variants()) {
                List<double[]> ratios = new ArrayList<>();
                List<double[]> cosines = new ArrayList<>();
                List<double[]> perGroup = new ArrayList<>();
                int runs = 0;
                for (RunResult run : SuiteStatistics.select(task.name(), variant.name(), results)) {
                    Path directory = Path.of(run.runDirectory());
                    if (Files.isRegularFile(directory.resolve(ProgressCsv.FILE_NAME))) {
                        ProgressCsv csv = ProgressCsv.read(directory);
                        double[] r = ratios(csv);
                        double[] c = measured(csv, "direction_cosine");
                        ratios.add(r);
                        cosines.add(c);
                        perGroup.add(measured(csv, "direction_cosine_per_group"));
                        runs += r.length > 0 || c.length > 0 ? 1 : 0;
                    }
                }
                Optional<Spread> klRatio = Spread.of(ratios);
                Optional<Spread> directionCosine = Spread.of(cosines);
                if (klRatio.isPresent() || directionCosine.isPresent()) {
                    rows.add(new Row(task.name(), variant.name(), runs, klRatio, directionCosine, Spread.of(perGroup)));
                }
            }
        }
        return rows;
    }

    /** kl / predicted_kl of every update where both are finite and the prediction positive. */
    static double[] ratios(ProgressCsv csv) {
        if (!csv.columns().contains("kl") || !csv.columns().contains("predicted_kl")) {
            return new double[0];
        }
        double[] measured = csv.column("kl");
        double[] predicted = csv.column("predicted_kl");
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < measured.length; i++) {
            if (Double.isFinite(measured[i]) && Double.isFinite(predicted[i]) && predicted[i] > 0) {
                ratios.add(measured[i] / predicted[i]);
            }
        }
        return ratios.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The finite values of {@code column} (e.g. direction_cosine on every update that measured it). */
    static double[] measured(ProgressCsv csv, String column) {
        if (!csv.columns().contains(column)) {
            return new double[0];
        }
        return Arrays.stream(csv.column(column)).filter(Double::isFinite).toArray();
    }
}
