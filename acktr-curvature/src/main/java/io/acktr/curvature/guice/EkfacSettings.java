package io.acktr.curvature.guice;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;

/**
 * Settings of {@code acktr.curvature.ekfac}.
 *
 * @param damping added to the eigenvalue-corrected scales
 * @param statsDecay running-average decay of the factors and of the scales
 * @param inverseInterval updates between refreshes of the eigenbases
 * @param warmupUpdates updates that only gather statistics
 */
public record EkfacSettings(double damping, double statsDecay, int inverseInterval, int warmupUpdates) {
    public static final String PREFIX = "acktr.curvature.ekfac";

    public static EkfacSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new EkfacSettings(r.positiveDouble("damping"), r.doubleIn("stats-decay", 0, 1, true),
                r.positiveInt("inverse-interval"), r.nonNegativeInt("warmup-updates"));
    }
}
