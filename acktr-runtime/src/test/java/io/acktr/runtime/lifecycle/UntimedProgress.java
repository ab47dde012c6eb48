package io.acktr.runtime.lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A run's {@code progress.csv} without the columns that depend on the machine's speed and memory
 * ({@code fps}, {@code resident_mb}), found by the header: what two runs of one experiment must
 * share wherever and however they ran.
 */
public final class UntimedProgress {
    private static final List<String> TIMING_COLUMNS = List.of("fps", "resident_mb");

    private UntimedProgress() {
    }

    /** The lines of the {@code progress.csv} in {@code runDirectory}, header included, without the timing columns. */
    public static List<String> of(Path runDirectory) throws IOException {
        return lines(runDirectory.resolve(ProgressCsvWriter.FILE_NAME));
    }

    /** The same for the file {@code progressCsv}. */
    public static List<String> lines(Path progressCsv) throws IOException {
        List<String> lines = Files.readAllLines(progressCsv);
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            List<String> row = new ArrayList<>();
            for (int i = 0; i < cells.length; i++) {
                if (!TIMING_COLUMNS.contains(header.get(i))) {
                    row.add(cells[i]);
                }
            }
            kept.add(String.join(",", row));
        }
        return kept;
    }
}
