package io.acktr.runtime.settings;

import io.acktr.envs.wrappers.WrapperSettings;
import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;
import java.util.Optional;

/**
 * The top-level settings of a training run.
 *
 * @param runDirectory empty: the runtime picks {@code runs/<name>}
 * @param wrappers {@code acktr.env.wrappers}, applied to every environment in order
 */
public record RunSettings(long seed, long totalSteps, Optional<String> runDirectory, String environmentId,
                          int environmentCount, int consoleInterval, WrapperSettings wrappers,
                          long residentGcThresholdBytes) {
    public static RunSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, "acktr");
        long seed;
        try {
            seed = config.getLong("acktr.seed");
        } catch (com.typesafe.config.ConfigException.WrongType e) {
            throw r.bad("seed", config.getValue("acktr.seed").unwrapped(), "must be a whole number");
        }
        String runDir = r.string("run-dir").strip();
        String envId = r.string("env.id").strip();
        if (envId.isEmpty()) {
            throw r.bad("env.id", envId, "must name an environment (see `acktr envs`)");
        }
        return new RunSettings(seed, r.positiveLong("total-steps"), runDir.isEmpty() ? Optional.empty() : Optional.of(runDir),
                envId, r.positiveInt("env.count"), r.positiveInt("logging.console-interval"), WrapperSettings.from(config),
                residentGcThreshold(config, r));
    }

    private static long residentGcThreshold(Config config, SettingsReader r) {
        String key = "memory.resident-gc-threshold";
        long bytes;
        try {
            bytes = config.getBytes(r.path(key));
        } catch (com.typesafe.config.ConfigException.BadValue | com.typesafe.config.ConfigException.WrongType e) {
            throw r.bad(key, config.getValue(r.path(key)).unwrapped(), "must be a size such as 2G or 512M, or 0 for off");
        }
        if (bytes < 0) {
            throw r.bad(key, bytes, "must be >= 0");
        }
        return bytes;
    }
}
