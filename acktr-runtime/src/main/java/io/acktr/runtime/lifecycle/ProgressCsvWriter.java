package io.acktr.runtime.lifecycle;

import io.acktr.api.training.TrainingListener;
import io.acktr.api.training.UpdateMetrics;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * Writes one line per update to {@code progress.csv}, flushed each time so that a crash or a
 * kill loses nothing already reported. The leading columns are a stable interface for scripts.
 * Each line goes out in one write; one that fails half-way (a full disk) is cut off again, so the
 * file never ends in a torn row, and the error names the file and the cause.
 */
public final class ProgressCsvWriter implements TrainingListener {
    public static final String FILE_NAME = "progress.csv";
    public static final List<String> COLUMNS = List.of("env_steps", "updates", "episodes", "mean_return", "entropy",
            "value_loss", "kl", "step_size", "fps", "policy_loss", "predicted_kl", "skipped_updates", "resident_mb");

    private final Path file;
    private final FileChannel channel;

    private ProgressCsvWriter(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
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
        ProgressCsvWriter writer = new ProgressCsvWriter(file, channel);
        writer.writeLine(String.join(",", COLUMNS));
        return writer;
    }

    @Override
    public void onUpdate(UpdateMetrics m) {
        String line = String.format(Locale.ROOT, "%d,%d,%d,%s,%s,%s,%s,%s,%s,%s,%s,%d,%d", m.envSteps(), m.updates(), m.episodes(),
                num(m.meanReturn()), num(m.entropy()), num(m.valueLoss()), num(m.kl()), num(m.stepSize()),
                String.format(Locale.ROOT, "%.1f", m.fps()), num(m.policyLoss()), num(m.predictedKl()), m.skippedUpdates(),
                m.residentBytes() >> 20);
        writeLine(line);
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
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
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
