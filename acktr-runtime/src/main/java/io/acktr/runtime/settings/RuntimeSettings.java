package io.acktr.runtime.settings;

import static io.acktr.api.plugin.SettingsReader.invalid;
import static io.acktr.api.plugin.SettingsReader.requireAtLeast;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;

/**
 * Settings of {@code acktr.runtime}; defaults live in {@code reference.conf}.
 *
 * @param rolloutWorkers rollout workers sharing the run's environments, at least 1 and at most
 *     {@code acktr.env.count}
 * @param environmentCount {@code acktr.env.count}, the bound of {@code rolloutWorkers}
 */
public record RuntimeSettings(int rolloutWorkers, int environmentCount) {
    public static final String PREFIX = "acktr.runtime";
    public static final String ROLLOUT_WORKERS = PREFIX + ".rollout-workers";

    public RuntimeSettings {
        requireAtLeast(ROLLOUT_WORKERS, rolloutWorkers, 1);
        if (rolloutWorkers > environmentCount) {
            throw invalid(ROLLOUT_WORKERS, rolloutWorkers, "must be <= acktr.env.count = " + environmentCount
                    + " (each worker steps at least one environment)");
        }
    }

    public static RuntimeSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new RuntimeSettings(r.intValue("rollout-workers"), new SettingsReader(config, "acktr").intValue("env.count"));
    }

    /** The first environment of worker {@code worker}: the environments are split in contiguous slices, the first ones one larger. */
    public int firstEnvironment(int worker) {
        int base = environmentCount / rolloutWorkers;
        int larger = environmentCount % rolloutWorkers;
        return worker * base + Math.min(worker, larger);
    }

    /** The number of environments of worker {@code worker}. */
    public int environments(int worker) {
        return firstEnvironment(worker + 1) - firstEnvironment(worker);
    }
}
