package io.acktr.runtime.lifecycle;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
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

    private final Path runDirectory;
    private final String name;

    /** The run's checkpoint, {@value #DIRECTORY}. */
    public CheckpointStore(Path runDirectory) {
        this(runDirectory, DIRECTORY);
    }

    private CheckpointStore(Path runDirectory, String name) {
        this.runDirectory = requireNonNull(runDirectory, "runDirectory is null");
        this.name = name;
    }

    /** The run's best checkpoint, {@value #BEST} (with its own {@code .old} and {@code .tmp} siblings). */
    public static CheckpointStore best(Path runDirectory) {
        return new CheckpointStore(runDirectory, BEST);
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
