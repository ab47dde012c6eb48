package io.acktr.runtime.settings;

import static io.acktr.api.plugin.SettingsReader.invalid;
import static io.acktr.api.plugin.SettingsReader.requireAtLeast;
import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.acktr.api.plugin.SettingsReader;
import io.acktr.envs.wrappers.WrapperSettings;
import java.util.Optional;

/**
 * The top-level settings of a training run; defaults live in {@code reference.conf}.
 *
 * @param runDirectory empty: the runtime picks {@code runs/<name>}
 * @param wrappers {@code acktr.env.wrappers}, applied to every environment in order
 * @param residentGcThresholdBytes {@code acktr.memory.resident-gc-threshold}, 0 for off
 */
public record RunSettings(long seed, long totalSteps, Optional<String> runDirectory, String environmentId,
                          int environmentCount, int consoleInterval, WrapperSettings wrappers,
                          long residentGcThresholdBytes) {
    public static final String PREFIX = "acktr";
    /** The largest step budget: 10^11 steps, about a month at 40,000 steps per second. */
    public static final long MAX_TOTAL_STEPS = 100_000_000_000L;

    public RunSettings {
        requireAtLeast(PREFIX + ".total-steps", totalSteps, 1L);
        if (totalSteps > MAX_TOTAL_STEPS) {
            throw invalid(PREFIX + ".total-steps", totalSteps, "must be at most " + MAX_TOTAL_STEPS);
        }
        requireNonNull(runDirectory, "runDirectory is null");
        requireNonNull(environmentId, "environmentId is null");
        if (environmentId.isBlank()) {
            throw invalid(PREFIX + ".env.id", environmentId, "must name an environment (see `acktr envs`)");
        }
        requireAtLeast(PREFIX + ".env.count", environmentCount, 1);
        requireAtLeast(PREFIX + ".logging.console-interval", consoleInterval, 1);
        requireNonNull(wrappers, "wrappers is null");
        requireAtLeast(PREFIX + ".memory.resident-gc-threshold", residentGcThresholdBytes, 0L);
    }

    public static RunSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        String runDir = r.string("run-dir").strip();
        return new RunSettings(r.longValue("seed"), r.longValue("total-steps"),
                runDir.isEmpty() ? Optional.empty() : Optional.of(runDir), r.string("env.id").strip(),
                r.intValue("env.count"), r.intValue("logging.console-interval"), WrapperSettings.from(config),
                residentGcThreshold(config, r));
    }

    private static long residentGcThreshold(Config config, SettingsReader r) {
        String key = "memory.resident-gc-threshold";
        try {
            return config.getBytes(r.path(key));
        } catch (ConfigException.BadValue | ConfigException.WrongType e) {
            throw r.bad(key, config.getValue(r.path(key)).unwrapped(), "must be a size such as 2G or 512M, or 0 for off");
        }
    }
}
