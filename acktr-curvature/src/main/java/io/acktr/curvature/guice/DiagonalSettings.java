package io.acktr.curvature.guice;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;

/**
 * Settings of {@code acktr.curvature.diagonal}.
 *
 * @param damping added to every diagonal entry before dividing
 * @param statsDecay running-average decay of the squared per-sample gradients
 */
public record DiagonalSettings(double damping, double statsDecay) {
    public static final String PREFIX = "acktr.curvature.diagonal";

    public static DiagonalSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new DiagonalSettings(r.positiveDouble("damping"), r.doubleIn("stats-decay", 0, 1, true));
    }
}
