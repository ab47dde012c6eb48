package io.acktr.runtime.plot;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.acktr.runtime.statistics.StratifiedBootstrap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Learning curves of run directories, grouped into one band per group. */
public final class LearningCurves {
    /** Which runs share a band. */
    public enum Grouping {
        /** Every run on its own: one line each, no band. */
        RUN,
        /** Runs in the same parent folder (a suite's {@code runs/<task>/<variant>/seed-<n>}: one band per variant). */
        FOLDER,
        /** Runs with the same curvature estimator and step-size rule in their {@code config.conf}. */
        CONFIG;

        /** {@code run}, {@code folder} or {@code config}; another name fails and lists these. */
        public static Grouping named(String name) {
            for (Grouping g : values()) {
                if (g.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return g;
                }
            }
            throw new IllegalArgumentException("--group-by \"" + name + "\": expected run, folder or config");
        }
    }

    private LearningCurves() {
    }

    /**
     * One band per group of {@code runDirectories}, in the order their groups first appear.
     *
     * @throws IllegalArgumentException when a directory has no progress.csv or lacks a column
     */
    public static List<CurveBand> bands(List<Path> runDirectories, String x, String y, Grouping grouping,
                                        StratifiedBootstrap bootstrap) {
        if (runDirectories.isEmpty()) {
            throw new IllegalArgumentException("no run directory to plot");
        }
        Map<String, List<RunCurve>> groups = new LinkedHashMap<>();
        for (Path directory : runDirectories) {
            ProgressCsv csv = ProgressCsv.read(directory);
            String key = key(directory, grouping);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(csv.curve(directory.toString(), x, y));
        }
        List<CurveBand> bands = new ArrayList<>();
        for (Map.Entry<String, List<RunCurve>> group : groups.entrySet()) {
            if (group.getValue().stream().allMatch(c -> c.x().length == 0)) {
                continue; // nothing measured yet, e.g. no episode ended
            }
            bands.add(CurveBand.of(group.getKey(), group.getValue(), bootstrap));
        }
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("no run has a finite value of " + y + " to plot");
        }
        return bands;
    }

    private static String key(Path directory, Grouping grouping) {
        Path absolute = directory.toAbsolutePath().normalize();
        return switch (grouping) {
            case RUN -> directory.normalize().toString();
            case FOLDER -> absolute.getParent() == null ? absolute.toString() : absolute.getParent().getFileName().toString();
            case CONFIG -> {
                Path file = directory.resolve("config.conf");
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException(directory + " holds no config.conf to group by");
                }
                Config config = ConfigFactory.parseFile(file.toFile()).resolve();
                yield string(config, "acktr.curvature.type") + " + " + string(config, "acktr.step-size.type");
            }
        };
    }

    private static String string(Config config, String path) {
        return config.hasPath(path) ? config.getString(path) : "?";
    }
}
