package io.acktr.runtime.lifecycle;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoint of one run: the folder {@value #DIRECTORY} in its run directory, holding the
 * files of {@link CheckpointFiles}.
 *
 * <p>A write never leaves a half-written checkpoint as the only copy: it fills the sibling
 * {@value #TEMPORARY}, renames the current folder to {@value #PREVIOUS}, renames the new one to
 * {@value #DIRECTORY} and deletes the previous one. A write interrupted between the two renames
 * leaves only {@value #PREVIOUS}, which {@link #read()} then falls back to.
 */
public final class CheckpointStore {
    public static final String DIRECTORY = "checkpoint";
    public static final String PREVIOUS = "checkpoint.old";
    public static final String TEMPORARY = "checkpoint.tmp";
    /** The folder of the run's best checkpoint: the highest mean return among those written. */
    public static final String BEST = "best";

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);

    /** The folder of the checkpoints before the current one, each {@code update-<N>}, when a run keeps more than one. */
    public static final String HISTORY = "checkpoints";

    private final Path runDirectory;
    private final String name;
    private final int keep;
    /**
     * The update count of the checkpoint this store last wrote, or -1 before its first write: a
     * replaced checkpoint this store wrote goes into the history without reading its file back.
     */
    private long writtenUpdates = -1;

    /** The run's checkpoint, {@value #DIRECTORY}, keeping none before it. */
    public CheckpointStore(Path runDirectory) {
        this(runDirectory, DIRECTORY, 1);
    }

    private CheckpointStore(Path runDirectory, String name, int keep) {
        this.runDirectory = requireNonNull(runDirectory, "runDirectory is null");
        this.name = name;
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be >= 1, got " + keep);
        }
        this.keep = keep;
    }

    /**
     * The run's checkpoint, {@value #DIRECTORY}, and the {@code keep - 1} checkpoints before it in
     * {@value #HISTORY}{@code /update-<N>} (a write moves the replaced one there and deletes the oldest).
     */
    public static CheckpointStore keeping(Path runDirectory, int keep) {
        return new CheckpointStore(runDirectory, DIRECTORY, keep);
    }

    /** The kept checkpoints before the current one, oldest first. */
    public List<Path> history() {
        Path folder = runDirectory.resolve(HISTORY);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> p.getFileName().toString().matches("update-\\d+") && Files.isDirectory(p))
                    .sorted(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(7))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads one kept checkpoint of {@link #history()}.
     *
     * @throws InvalidCheckpointException naming the file and what is wrong
     */
    public Checkpoint readHistory(Path kept) {
        requireNonNull(kept, "kept is null");
        return CheckpointFiles.read(kept);
    }

    /** The run's best checkpoint, {@value #BEST} (with its own {@code .old} and {@code .tmp} siblings). */
    public static CheckpointStore best(Path runDirectory) {
        return new CheckpointStore(runDirectory, BEST, 1);
    }

    /** {@code <run-dir>/checkpoint} (or {@code best}). */
    public Path directory() {
        return runDirectory.resolve(name);
    }

    /**
     * Makes {@code checkpoint} the run's checkpoint, replacing the one before. Parameters holding a
     * NaN or an infinity are not written: the checkpoint before stays, and a warning names the block.
     *
     * @return whether it was written
     * @throws UncheckedIOException when the files cannot be written or renamed
     */
    public boolean write(Checkpoint checkpoint) {
        requireNonNull(checkpoint, "checkpoint is null");
        Optional<String> nonFinite = checkpoint.firstNonFiniteBlock();
        if (nonFinite.isPresent()) {
            LOG.warn("checkpoint of update {} (env step {}) not written: parameter block \"{}\" holds NaN or infinite "
                    + "values; {} keeps the last good one", checkpoint.updates(), checkpoint.envSteps(), nonFinite.get(),
                    directory());
            return false;
        }
        Path current = directory();
        Path previous = runDirectory.resolve(name + ".old");
        Path temporary = runDirectory.resolve(name + ".tmp");
        try {
            deleteRecursively(temporary);
            Files.createDirectories(temporary);
            CheckpointFiles.write(checkpoint, temporary);
            if (Files.exists(current)) {
                // a complete checkpoint exists, so an old one left by an interrupted write can go
                deleteRecursively(previous);
                Files.move(current, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(temporary, current, StandardCopyOption.ATOMIC_MOVE);
            long replacedUpdates = writtenUpdates;
            writtenUpdates = checkpoint.updates();
            if (keep > 1 && Files.isDirectory(previous)) {
                keepInHistory(previous, replacedUpdates);
            }
            deleteRecursively(previous);
        } catch (IOException e) {
            // a half-written copy must not keep the disk full; the last complete checkpoint stays
            try {
                deleteRecursively(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new UncheckedIOException("cannot write the checkpoint " + current + ": " + e.getMessage(), e);
        }
        return true;
    }

    /**
     * Reads and checks the run's checkpoint, or {@value #PREVIOUS} when {@value #DIRECTORY} is missing.
     *
     * @throws InvalidCheckpointException naming the file and what is wrong
     */
    public Checkpoint read() {
        Path current = directory();
        if (Files.isDirectory(current)) {
            return CheckpointFiles.read(current);
        }
        Path previous = runDirectory.resolve(name + ".old");
        if (Files.isDirectory(previous)) {
            LOG.warn("{} is missing (a checkpoint write was interrupted); reading {}", current, previous);
            return CheckpointFiles.read(previous);
        }
        if (!Files.isDirectory(runDirectory)) {
            throw new InvalidCheckpointException(runDirectory + ": no such run directory");
        }
        throw new InvalidCheckpointException(current + ": missing (and no " + previous.getFileName()
                + "): the run has not written a checkpoint");
    }

    /**
     * Moves the replaced checkpoint into the history under its update count ({@code known}, or read
     * from its file when -1: a checkpoint of an earlier process), then deletes the oldest beyond
     * {@code keep - 1}. Reading the file costs the JIT compiler a HOCON parser's compilation in the
     * middle of a run, so a checkpoint this store wrote is not read back.
     */
    private void keepInHistory(Path replaced, long known) throws IOException {
        long updates = known;
        if (updates < 0) {
            try {
                updates = ConfigFactory.parseFile(replaced.resolve(CheckpointFiles.CONF).toFile()).getLong("updates");
            } catch (ConfigException e) {
                LOG.warn("{} is not kept: its {} cannot be read ({})", replaced, CheckpointFiles.CONF, e.getMessage());
                return;
            }
        }
        Path folder = runDirectory.resolve(HISTORY);
        Files.createDirectories(folder);
        Path kept = folder.resolve(String.format(Locale.ROOT, "update-%d", updates));
        deleteRecursively(kept);
        Files.move(replaced, kept, StandardCopyOption.ATOMIC_MOVE);
        List<Path> history = history();
        for (Path old : history.subList(0, Math.max(0, history.size() - (keep - 1)))) {
            deleteRecursively(old);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
