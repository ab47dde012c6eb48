package io.acktr.curvature.diagonal;

import static io.acktr.api.plugin.SettingsReader.requireIn;
import static io.acktr.api.plugin.SettingsReader.requirePositive;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;

/**
 * Settings of {@code acktr.curvature.diagonal}; defaults live in {@code reference.conf}.
 *
 * @param damping added to every diagonal entry before dividing
 * @param statsDecay running-average decay of the squared per-sample gradients
 */
public record DiagonalSettings(double damping, double statsDecay) {
    public static final String PREFIX = "acktr.curvature.diagonal";

    public DiagonalSettings {
        requirePositive(PREFIX + ".damping", damping);
        requireIn(PREFIX + ".stats-decay", statsDecay, 0, 1, true);
    }

    public static DiagonalSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new DiagonalSettings(r.doubleValue("damping"), r.doubleValue("stats-decay"));
    }
}
