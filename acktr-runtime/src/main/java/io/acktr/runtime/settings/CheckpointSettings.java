package io.acktr.runtime.settings;

import static io.acktr.api.plugin.SettingsReader.requireAtLeast;
import static io.acktr.api.plugin.SettingsReader.requireIn;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;

/**
 * Settings of {@code acktr.checkpoint}; defaults live in {@code reference.conf}.
 *
 * @param interval updates between two checkpoints of a run; 0 writes one only at the end
 * @param keep how many of the latest checkpoints a run keeps: the current one and {@code keep - 1}
 *     before it, besides the best one
 */
public record CheckpointSettings(int interval, int keep) {
    public static final String PREFIX = "acktr.checkpoint";
    /** More would fill a disk with copies nobody reads. */
    public static final int MAX_KEEP = 1000;

    public CheckpointSettings {
        requireAtLeast(PREFIX + ".interval", interval, 0);
        requireAtLeast(PREFIX + ".keep", keep, 1);
        requireIn(PREFIX + ".keep", keep, 1, MAX_KEEP, false);
    }

    public static CheckpointSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new CheckpointSettings(r.intValue("interval"), r.intValue("keep"));
    }
}
