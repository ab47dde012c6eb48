package io.acktr.runtime.suite;

import io.acktr.runtime.plot.ProgressCsv;
import io.acktr.runtime.statistics.Quantiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How well a variant's step rule predicts what its steps do: per task and variant, the ratio of the
 * KL measured after each update ({@code kl} of progress.csv) to the KL the step rule predicted
 * ({@code predicted_kl}), over every measured update of every seed: its median and quartiles. A
 * ratio far below 1 means the quadratic model of the trust region overestimates the step's KL (the
 * step is smaller than the radius allows), far above 1 that it underestimates it. Rules that predict
 * nothing (RMSProp) have no row. Caveat: {@code kl} is the policy's KL alone, while a natural-gradient
 * rule predicts the joint KL of policy and critic (the critic's Gaussian weighted by
 * {@code value-fisher-coefficient}), so the ratio reads low by the critic's share; the joint measured
 * KL in progress.csv would remove that.
 */
final class StepDiagnostics {
    /** One task x variant: how many updates had both figures, and the ratio's quartiles. */
    record Row(String task, String variant, int runs, long updates, double lowerQuartile, double median, double upperQuartile) {
    }

    private StepDiagnostics() {
    }

    /** The rows of the runs whose progress.csv is at hand, in the suite's order. */
    static List<Row> rows(SuiteDefinition suite, List<RunResult> results) {
        List<Row> rows = new ArrayList<>();
        for (SuiteDefinition.Task task : suite.tasks()) {
            for (SuiteDefinition.Variant variant : suite.variants()) {
                List<double[]> ratios = new ArrayList<>();
                for (RunResult run : SuiteStatistics.select(task.name(), variant.name(), results)) {
                    Path directory = Path.of(run.runDirectory());
                    if (Files.isRegularFile(directory.resolve(ProgressCsv.FILE_NAME))) {
                        double[] r = ratios(ProgressCsv.read(directory));
                        if (r.length > 0) {
                            ratios.add(r);
                        }
                    }
                }
                double[] pooled = ratios.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
                if (pooled.length > 0) {
                    rows.add(new Row(task.name(), variant.name(), ratios.size(), pooled.length, Quantiles.ofSorted(pooled, 0.25),
                            Quantiles.ofSorted(pooled, 0.5), Quantiles.ofSorted(pooled, 0.75)));
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
}
