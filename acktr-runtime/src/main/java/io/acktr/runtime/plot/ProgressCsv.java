package io.acktr.runtime.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code progress.csv} of a run directory, one row per update: every column as numbers, an
 * empty cell (a value not measured at that update) as NaN.
 */
public record ProgressCsv(Path file, List<String> columns, List<double[]> rows) {
    public static final String FILE_NAME = "progress.csv";

    public ProgressCsv {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * Reads {@code runDirectory/progress.csv}.
     *
     * @throws IllegalArgumentException when there is no such file, or it is not a progress.csv
     */
    public static ProgressCsv read(Path runDirectory) {
        Path file = runDirectory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(runDirectory + " holds no " + FILE_NAME + ", so it is not a run directory");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty: it has no header");
        }
        List<String> columns = List.of(lines.get(0).split(",", -1));
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != columns.size()) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + cells.length + " cells, the header has "
                        + columns.size());
            }
            double[] row = new double[cells.length];
            for (int c = 0; c < cells.length; c++) {
                try {
                    row[c] = cells[c].isEmpty() ? Double.NaN : Double.parseDouble(cells[c]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ", column " + columns.get(c) + ": \""
                            + cells[c] + "\" is not a number");
                }
            }
            rows.add(row);
        }
        return new ProgressCsv(file, columns, rows);
    }

    /** The values of one column; an unknown name fails and lists the known ones. */
    public double[] column(String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column \"" + name + "\" in " + file + "; columns: " + String.join(", ", columns));
        }
        return rows.stream().mapToDouble(row -> row[index]).toArray();
    }

    /** The points (x, y) of two columns where both are finite, in file order. */
    public RunCurve curve(String label, String x, String y) {
        double[] xs = column(x);
        double[] ys = column(y);
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                points.add(new double[] {xs[i], ys[i]});
            }
        }
        return new RunCurve(label, points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray());
    }
}
