package io.acktr.runtime.lifecycle;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigRenderOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** The folder a run writes to: its resolved configuration, {@code progress.csv} and its checkpoint. */
public final class RunDirectory {
    /** The resolved configuration of the run, as HOCON. */
    public static final String CONFIG_FILE = "config.conf";

    private RunDirectory() {
    }

    /** The file whose exclusive creation claims a folder for one run. */
    public static final String CLAIM_FILE = "run.lock";

    /**
     * {@code runs/<env>-<curvature>-<step-size>-seed<seed>-<time>-<suffix>} under the working
     * directory, with the time to the millisecond and a random suffix: runs started in parallel
     * (a sweep) get different folders.
     */
    public static Path defaultPath(Config config) {
        String name = String.join("-", config.getString("acktr.env.id").replace('/', '_'),
                config.getString("acktr.curvature.type"), config.getString("acktr.step-size.type"),
                "seed" + config.getLong("acktr.seed"),
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")),
                String.format(Locale.ROOT, "%04x", ThreadLocalRandom.current().nextInt(0x10000)));
        return Path.of("runs", name);
    }

    /**
     * Claims the folder for this run and writes {@value #CONFIG_FILE}. The claim is the exclusive
     * creation of {@value #CLAIM_FILE}: of two runs started into one folder, one gets it and the
     * other fails before writing anything. A folder that already holds a run ({@value #CLAIM_FILE}
     * or {@code progress.csv}) is refused, so that no earlier results are overwritten; so are a
     * path that is a file and one that cannot be created, naming the path and the cause.
     */
    public static Path prepare(Path directory, Config config) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw badRunDirectory(directory, "is a file, not a folder");
        }
        if (Files.exists(directory.resolve(ProgressCsvWriter.FILE_NAME))) {
            throw badRunDirectory(directory, "already holds a run (progress.csv); choose another directory so nothing"
                    + " is overwritten");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw badRunDirectory(directory, "cannot be created (" + describe(e) + ")");
        }
        try {
            Files.createFile(directory.resolve(CLAIM_FILE));
        } catch (FileAlreadyExistsException e) {
            throw badRunDirectory(directory, "is claimed by another run (" + CLAIM_FILE + "); choose another directory");
        } catch (IOException e) {
            throw badRunDirectory(directory, "cannot be written (" + describe(e) + ")");
        }
        Path file = directory.resolve(CONFIG_FILE);
        try {
            Files.writeString(file, configFile(config));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + describe(e), e);
        }
        return directory;
    }

    /** What {@value #CONFIG_FILE} holds for a run of {@code config}: its {@code acktr} subtree, resolved. */
    public static String configFile(Config config) {
        // rendered as a value, not as a root: a root loses its braces
        return "# resolved configuration of this run\n" + config.getConfig("acktr").root().atKey("acktr").root()
                .render(ConfigRenderOptions.defaults().setOriginComments(false).setJson(false));
    }

    private static ConfigException.BadValue badRunDirectory(Path directory, String problem) {
        return new ConfigException.BadValue("acktr.run-dir", "\"" + directory + "\": " + problem);
    }

    /** An I/O failure in words: its kind and message (e.g. "access denied", "no space left on device"). */
    private static String describe(IOException e) {
        String kind = e instanceof AccessDeniedException ? "access denied"
                : e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getClass().getSimpleName();
        return e.getMessage() == null || e instanceof FileSystemException ? kind : kind + ": " + e.getMessage();
    }

    /**
     * Holds {@value #CLAIM_FILE} of a run directory locked (an operating-system lock, released when
     * closed or when the process ends) while a run trains in it, so that a resume never trains
     * beside the run it continues, nor beside another resume.
     */
    public static final class Lock implements AutoCloseable {
        private final FileChannel channel;

        private Lock(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot release " + CLAIM_FILE + ": " + e, e);
            }
        }
    }

    /**
     * Locks the claimed {@code directory} for the run that trains in it.
     *
     * @throws ConfigException.BadValue naming {@code option} when it is no claimed run directory or
     *     another process trains in it
     */
    public static Lock lock(Path directory, String option) {
        Path claim = directory.resolve(CLAIM_FILE);
        if (!Files.isDirectory(directory)) {
            throw new ConfigException.BadValue(option, "\"" + directory + "\": no such run directory");
        }
        if (!Files.isRegularFile(claim)) {
            throw new ConfigException.BadValue(option, "\"" + directory + "\": not a run directory (no " + CLAIM_FILE + ")");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(claim, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new OverlappingFileLockException();
            }
            return new Lock(channel);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new ConfigException.BadValue(option, "\"" + directory + "\": a training is running in it (" + CLAIM_FILE
                    + " is locked); wait for it to end");
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ConfigException.BadValue(option, "\"" + directory + "\": " + CLAIM_FILE + " cannot be locked ("
                    + describe(e) + ")");
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock was not taken; nothing to release
            }
        }
    }

    /** Replaces {@value #CONFIG_FILE} with {@code config} (a resumed run's, e.g. with a new step budget), atomically. */
    public static void rewriteConfig(Path directory, Config config) {
        Path file = directory.resolve(CONFIG_FILE);
        Path temporary = directory.resolve(CONFIG_FILE + ".tmp");
        try {
            String rendered = config.getConfig("acktr").root().atKey("acktr").root()
                    .render(ConfigRenderOptions.defaults().setOriginComments(false).setJson(false));
            Files.writeString(temporary, "# resolved configuration of this run\n" + rendered);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + describe(e), e);
        }
    }
}
