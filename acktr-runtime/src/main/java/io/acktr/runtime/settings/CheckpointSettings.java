package io.acktr.runtime.settings;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;

/**
 * Settings of {@code acktr.checkpoint}.
 *
 * @param interval updates between two checkpoints of a run; 0 writes one only at the end
 */
public record CheckpointSettings(int interval) {
    public static final String PREFIX = "acktr.checkpoint";

    public CheckpointSettings {
        if (interval < 0) {
            throw new IllegalArgumentException("interval must be >= 0, got " + interval);
        }
    }

    public static CheckpointSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new CheckpointSettings(r.nonNegativeInt("interval"));
    }
}
