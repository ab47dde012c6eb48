package io.acktr.runtime.lifecycle;

import io.acktr.api.training.TrainingListener;
import io.acktr.api.training.UpdateMetrics;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * Writes one line per update to {@code progress.csv}, flushed each time so that a crash or a
 * kill loses nothing already reported. The leading columns are a stable interface for scripts.
 */
public final class ProgressCsvWriter implements TrainingListener {
    public static final String FILE_NAME = "progress.csv";
    public static final List<String> COLUMNS = List.of("env_steps", "updates", "episodes", "mean_return", "entropy",
            "value_loss", "kl", "step_size", "fps", "policy_loss", "predicted_kl", "skipped_updates", "resident_mb");

    private final BufferedWriter writer;

    private ProgressCsvWriter(BufferedWriter writer) {
        this.writer = writer;
    }

    /** Creates {@code progress.csv} in {@code runDirectory}; fails if it exists already. */
    public static ProgressCsvWriter create(Path runDirectory) {
        try {
            BufferedWriter w = Files.newBufferedWriter(runDirectory.resolve(FILE_NAME), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            w.write(String.join(",", COLUMNS));
            w.newLine();
            w.flush();
            return new ProgressCsvWriter(w);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + runDirectory.resolve(FILE_NAME), e);
        }
    }

    @Override
    public void onUpdate(UpdateMetrics m) {
        String line = String.format(Locale.ROOT, "%d,%d,%d,%s,%s,%s,%s,%s,%s,%s,%s,%d,%d", m.envSteps(), m.updates(), m.episodes(),
                num(m.meanReturn()), num(m.entropy()), num(m.valueLoss()), num(m.kl()), num(m.stepSize()),
                String.format(Locale.ROOT, "%.1f", m.fps()), num(m.policyLoss()), num(m.predictedKl()), m.skippedUpdates(),
                m.residentBytes() >> 20);
        try {
            writer.write(line);
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE_NAME, e);
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    @Override
    public void onEnd() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + FILE_NAME, e);
        }
    }
}
