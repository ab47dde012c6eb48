package io.acktr.dashboard;

import io.acktr.api.training.UpdateMetrics;
import io.acktr.runtime.lifecycle.ProgressCsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A row of progress as the dashboard keeps it: the values of {@link ProgressCsvWriter#COLUMNS}, in
 * that order, NaN where a value is missing; from an update on the bus or a line of {@code progress.csv}.
 */
final class ProgressRows {
    static final List<String> COLUMNS = ProgressCsvWriter.COLUMNS;
    static final int ENV_STEPS = COLUMNS.indexOf("env_steps");
    static final int UPDATES = COLUMNS.indexOf("updates");
    static final int MEAN_RETURN = COLUMNS.indexOf("mean_return");

    private ProgressRows() {
    }

    /** The row {@code progress.csv} gets for this update. */
    static double[] of(UpdateMetrics m) {
        double[] row = new double[COLUMNS.size()];
        put(row, "env_steps", m.envSteps());
        put(row, "updates", m.updates());
        put(row, "episodes", m.episodes());
        put(row, "mean_return", m.meanReturn());
        put(row, "entropy", m.entropy());
        put(row, "value_loss", m.valueLoss());
        put(row, "kl", m.kl());
        put(row, "step_size", m.stepSize());
        put(row, "fps", m.fps());
        put(row, "policy_loss", m.policyLoss());
        put(row, "predicted_kl", m.predictedKl());
        put(row, "skipped_updates", m.skippedUpdates());
        put(row, "resident_mb", m.residentBytes() >> 20);
        put(row, "direction_cosine", m.directionCosine());
        put(row, "direction_cosine_per_group", m.directionCosinePerGroup());
        return row;
    }

    private static void put(double[] row, String column, double value) {
        row[COLUMNS.indexOf(column)] = value;
    }

    /**
     * The rows of a {@code progress.csv}, by its header's column names (columns it lacks are NaN);
     * a missing file has none, and a last line cut short (a run writing it) is left out.
     */
    static List<double[]> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e, e);
        }
        if (lines.isEmpty()) {
            return List.of();
        }
        String[] header = lines.get(0).split(",", -1);
        int[] target = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            target[i] = COLUMNS.indexOf(header[i].trim());
        }
        List<double[]> rows = new ArrayList<>(lines.size() - 1);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells.length != header.length) {
                continue;
            }
            double[] row = new double[COLUMNS.size()];
            java.util.Arrays.fill(row, Double.NaN);
            try {
                for (int i = 0; i < cells.length; i++) {
                    if (target[i] >= 0 && !cells[i].isBlank()) {
                        row[target[i]] = Double.parseDouble(cells[i]);
                    }
                }
            } catch (NumberFormatException e) {
                continue;
            }
            rows.add(row);
        }
        return rows;
    }
}
