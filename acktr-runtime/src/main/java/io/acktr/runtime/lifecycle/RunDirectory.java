package io.acktr.runtime.lifecycle;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigRenderOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** The folder a run writes to: its resolved configuration, {@code progress.csv} and its checkpoint. */
public final class RunDirectory {
    /** The resolved configuration of the run, as HOCON. */
    public static final String CONFIG_FILE = "config.conf";

    private RunDirectory() {
    }

    /** {@code runs/<env>-<curvature>-<step-size>-seed<seed>-<time>} under the working directory. */
    public static Path defaultPath(Config config) {
        String name = String.join("-", config.getString("acktr.env.id").replace('/', '_'),
                config.getString("acktr.curvature.type"), config.getString("acktr.step-size.type"),
                "seed" + config.getLong("acktr.seed"),
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        return Path.of("runs", name);
    }

    /**
     * Creates the folder and writes {@value #CONFIG_FILE}. Refuses a folder that already holds a
     * run, so that no earlier results are overwritten.
     */
    public static Path prepare(Path directory, Config config) {
        if (Files.exists(directory.resolve(ProgressCsvWriter.FILE_NAME))) {
            throw new ConfigException.BadValue("acktr.run-dir", "\"" + directory
                    + "\": already holds a run (progress.csv); choose another directory so nothing is overwritten");
        }
        try {
            Files.createDirectories(directory);
            // rendered as a value, not as a root: a root loses its braces
            String rendered = config.getConfig("acktr").root().atKey("acktr").root()
                    .render(ConfigRenderOptions.defaults().setOriginComments(false).setJson(false));
            Files.writeString(directory.resolve(CONFIG_FILE), "# resolved configuration of this run\n" + rendered);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare run directory " + directory, e);
        }
        return directory;
    }
}
