package io.acktr.runtime.lifecycle;

import io.acktr.api.training.TrainingListener;
import io.acktr.api.training.UpdateMetrics;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes one line per update to {@code progress.csv}, flushed each time so that a crash or a
 * kill loses nothing already reported. The leading columns are a stable interface for scripts.
 * Each line goes out in one write; one that fails half-way (a full disk) is cut off again, so the
 * file never ends in a torn row, and the error names the file and the cause.
 */
public final class ProgressCsvWriter implements TrainingListener {
    public static final String FILE_NAME = "progress.csv";
    public static final List<String> COLUMNS = List.of("env_steps", "updates", "episodes", "mean_return", "entropy",
            "value_loss", "kl", "step_size", "fps", "policy_loss", "predicted_kl", "skipped_updates", "resident_mb",
            "direction_cosine", "direction_cosine_per_group");
    /** The columns of a run started before the direction-cosine columns existed: such a run resumes in them. */
    static final List<String> COLUMNS_BEFORE_DIRECTION_COSINE = COLUMNS.subList(0, COLUMNS.size() - 2);

    private final Path file;
    private final FileChannel channel;
    /** The file's columns: {@link #COLUMNS}, or {@link #COLUMNS_BEFORE_DIRECTION_COSINE} for an older run resumed. */
    private final List<String> columns;

    private ProgressCsvWriter(Path file, FileChannel channel, List<String> columns) {
        this.file = file;
        this.channel = channel;
        this.columns = columns;
    }

    /** Creates {@code progress.csv} in {@code runDirectory}; fails if it exists already. */
    public static ProgressCsvWriter create(Path runDirectory) {
        Path file = runDirectory.resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file + ": " + e, e);
        }
        ProgressCsvWriter writer = new ProgressCsvWriter(file, channel, COLUMNS);
        writer.writeLine(String.join(",", COLUMNS));
        return writer;
    }

    /**
     * Continues the {@value #FILE_NAME} of a run that resumes from the checkpoint of update
     * {@code updates}: the file is cut back to its header and its whole rows of updates up to
     * {@code updates} (a torn last row, or rows written after that checkpoint, go), and rows are
     * appended from there, in the file's columns (a run started before {@code direction_cosine}
     * existed goes on without it).
     *
     * @throws InvalidCheckpointException when the file is missing or its header is not this version's
     */
    public static ProgressCsvWriter resume(Path runDirectory, long updates) {
        Path file = runDirectory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new InvalidCheckpointException(file + ": missing; a run directory to resume holds its progress.csv");
        }
        FileChannel channel;
        List<String> columns;
        try {
            byte[] content = Files.readAllBytes(file);
            columns = columnsOf(file, content);
            long keep = wholeRowsUpTo(file, content, updates);
            channel = FileChannel.open(file, StandardOpenOption.WRITE);
            channel.truncate(keep);
            channel.position(keep);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot continue " + file + ": " + e, e);
        }
        return new ProgressCsvWriter(file, channel, columns);
    }

    /** The columns the header of {@code content} names: this version's, or those before {@code direction_cosine}. */
    private static List<String> columnsOf(Path file, byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        int headerEnd = text.indexOf('\n');
        String header = headerEnd < 0 ? "" : text.substring(0, headerEnd).strip();
        if (header.equals(String.join(",", COLUMNS_BEFORE_DIRECTION_COSINE))) {
            return COLUMNS_BEFORE_DIRECTION_COSINE;
        }
        if (!header.equals(String.join(",", COLUMNS))) {
            throw new InvalidCheckpointException(file + ": its header is not " + String.join(",", COLUMNS));
        }
        return COLUMNS;
    }

    /** Bytes of the header and of the whole rows, in order, until a torn row or one of an update after {@code updates}. */
    static long wholeRowsUpTo(Path file, byte[] content, long updates) {
        String text = new String(content, StandardCharsets.UTF_8);
        List<String> columns = columnsOf(file, content);
        int headerEnd = text.indexOf('\n');
        int kept = headerEnd + 1;
        while (kept < text.length()) {
            int end = text.indexOf('\n', kept);
            if (end < 0) {
                break; // torn
            }
            String[] cells = text.substring(kept, end).split(",", -1);
            long rowUpdates;
            try {
                rowUpdates = cells.length == columns.size() ? Long.parseLong(cells[1].strip()) : Long.MAX_VALUE;
            } catch (NumberFormatException e) {
                break;
            }
            if (rowUpdates > updates) {
                break;
            }
            kept = end + 1;
        }
        return text.substring(0, kept).getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public void onUpdate(UpdateMetrics m) {
        StringBuilder line = new StringBuilder(160).append(m.envSteps()).append(',').append(m.updates()).append(',')
                .append(m.episodes()).append(',').append(num(m.meanReturn())).append(',').append(num(m.entropy())).append(',')
                .append(num(m.valueLoss())).append(',').append(num(m.kl())).append(',').append(num(m.stepSize())).append(',')
                .append(DecimalText.fixed(m.fps(), 1)).append(',').append(num(m.policyLoss())).append(',')
                .append(num(m.predictedKl())).append(',').append(m.skippedUpdates()).append(',').append(m.residentBytes() >> 20);
        if (columns == COLUMNS) {
            line.append(',').append(num(m.directionCosine())).append(',').append(num(m.directionCosinePerGroup()));
        }
        writeLine(line.toString());
    }

    /** Appends one whole line, or nothing: a write that fails part-way is truncated back. */
    private void writeLine(String line) {
        ByteBuffer bytes = ByteBuffer.wrap((line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
        long whole;
        try {
            whole = channel.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e, e);
        }
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            try {
                channel.truncate(whole);
            } catch (IOException cut) {
                e.addSuppressed(cut);
            }
            throw new UncheckedIOException("cannot write " + file + " (the rows written so far are kept): " + e, e);
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : DecimalText.significant(v, 6);
    }

    @Override
    public void onEnd() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file + ": " + e, e);
        }
    }
}
