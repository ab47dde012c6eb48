package io.acktr.dashboard;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.acktr.runtime.lifecycle.ProgressCsvWriter;
import io.acktr.runtime.lifecycle.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs stored on disk, for {@code acktr dashboard DIR...}: a run folder holds {@code progress.csv}
 * (and {@code config.conf}); a suite's folder holds them under {@code runs/<task>/<variant>/seed-<n>}.
 */
final class RunFolders {
    private static final int MAX_DEPTH = 6;

    private RunFolders() {
    }

    /** Every run folder in or under {@code root}, in path order. */
    static List<Path> find(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("RUN_DIR|SUITE_DIR " + root + ": no such folder");
        }
        try (Stream<Path> files = Files.walk(root, MAX_DEPTH)) {
            return files.filter(p -> p.getFileName().toString().equals(ProgressCsvWriter.FILE_NAME))
                    .map(Path::getParent).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root + ": " + e, e);
        }
    }

    /** Puts every run found under {@code roots} on {@code board}, stored; returns how many. */
    static int addAll(RunBoard board, List<Path> roots) {
        int added = 0;
        for (Path root : roots) {
            for (Path run : find(root)) {
                add(board, root, run);
                added++;
            }
        }
        return added;
    }

    private static void add(RunBoard board, Path root, Path run) {
        Config config = readConfig(run.resolve(RunDirectory.CONFIG_FILE));
        String name = run.equals(root) ? run.getFileName().toString() : root.getFileName() + "/" + root.relativize(run);
        board.add(name, group(run, config), string(config, "acktr.env.id"), number(config, "acktr.seed"),
                number(config, "acktr.total-steps"), "local", run, BoardRun.State.STORED);
    }

    /** A suite's variant (the folder above {@code seed-<n>} under {@code runs/<task>/}), else curvature + step size. */
    private static String group(Path run, Config config) {
        Path parent = run.getParent();
        if (run.getFileName().toString().startsWith("seed-") && parent != null && parent.getParent() != null
                && parent.getParent().getParent() != null
                && parent.getParent().getParent().getFileName().toString().equals("runs")) {
            return parent.getFileName().toString();
        }
        return string(config, "acktr.curvature.type") + " + " + string(config, "acktr.step-size.type");
    }

    private static Config readConfig(Path file) {
        if (!Files.isRegularFile(file)) {
            return ConfigFactory.empty();
        }
        try {
            return ConfigFactory.parseFile(file.toFile());
        } catch (ConfigException e) {
            return ConfigFactory.empty();
        }
    }

    private static String string(Config config, String path) {
        try {
            return config.hasPath(path) ? config.getString(path) : "?";
        } catch (ConfigException e) {
            return "?";
        }
    }

    private static long number(Config config, String path) {
        try {
            return config.hasPath(path) ? config.getLong(path) : -1;
        } catch (ConfigException e) {
            return -1;
        }
    }
}
