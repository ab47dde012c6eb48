package io.acktr.runtime.settings;

import static io.acktr.api.plugin.SettingsReader.requireAtLeast;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;

/**
 * Settings of {@code acktr.checkpoint}; defaults live in {@code reference.conf}.
 *
 * @param interval updates between two checkpoints of a run; 0 writes one only at the end
 */
public record CheckpointSettings(int interval) {
    public static final String PREFIX = "acktr.checkpoint";

    public CheckpointSettings {
        requireAtLeast(PREFIX + ".interval", interval, 0);
    }

    public static CheckpointSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new CheckpointSettings(r.intValue("interval"));
    }
}
