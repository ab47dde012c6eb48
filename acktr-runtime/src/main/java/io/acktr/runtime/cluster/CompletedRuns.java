package io.acktr.runtime.cluster;

import com.typesafe.config.Config;

import io.acktr.api.training.UpdateMetrics;
import io.acktr.runtime.lifecycle.CheckpointStore;
import io.acktr.runtime.lifecycle.ProgressCsvWriter;
import io.acktr.runtime.lifecycle.RunDirectory;
import io.acktr.runtime.suite.PlannedRun;
import io.acktr.runtime.suite.RunResult;
import io.acktr.runtime.suite.SuiteReport;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The run directories a coordinator writes under {@code <out>/runs}: what a local run leaves there
 * ({@code run.lock}, {@code config.conf}, {@code progress.csv} written from the rows by the same
 * writer, {@code checkpoint/}), and last {@value #MARKER}, the run's result, whose presence marks
 * the run complete.
 */
final class CompletedRuns {
    static final String MARKER = "result.json";

    private CompletedRuns() {
    }

    /** The result of a run completed in an earlier session of the coordinator, if it is. */
    static Optional<RunResult> read(PlannedRun run) {
        Path marker = run.runDirectory().resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SuiteReport.runFromJson(new JsonObject(Files.readString(marker))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable: train it again
        }
    }

    /** Writes a finished run's directory; one left by an interrupted session is replaced. */
    static void write(PlannedRun run, List<UpdateMetrics> rows, Map<String, byte[]> checkpoint, RunResult result) {
        Path directory = run.runDirectory();
        try {
            deleteRecursively(directory);
            writeRunFolder(directory, run.config(), rows, checkpoint);
            Path tmp = directory.resolve(MARKER + ".tmp");
            Files.writeString(tmp, SuiteReport.runJson(result).encodePrettily() + "\n");
            Files.move(tmp, directory.resolve(MARKER), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run directory " + directory, e);
        }
    }

    /**
     * Makes the run directory a run wrote elsewhere: claimed, with its {@code config.conf}, its
     * {@code progress.csv} of {@code rows} and the files of its {@code checkpoint/}; a run can be
     * resumed from it ({@code TrainingSession.resume}) when the checkpoint holds training state.
     */
    static void writeRunFolder(Path directory, Config config, List<UpdateMetrics> rows, Map<String, byte[]> checkpoint)
            throws IOException {
        RunDirectory.prepare(directory, config);
        ProgressCsvWriter progress = ProgressCsvWriter.create(directory);
        rows.forEach(progress::onUpdate);
        progress.onEnd();
        Path checkpointDirectory = directory.resolve(CheckpointStore.DIRECTORY);
        for (Map.Entry<String, byte[]> file : checkpoint.entrySet()) {
            Path target = checkpointDirectory.resolve(file.getKey()).normalize();
            if (!target.startsWith(checkpointDirectory)) {
                throw new IOException("checkpoint file outside the checkpoint folder: " + file.getKey());
            }
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
