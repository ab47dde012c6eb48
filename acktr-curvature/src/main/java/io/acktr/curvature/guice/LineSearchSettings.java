package io.acktr.curvature.guice;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;

/**
 * Settings of {@code acktr.step-size.line-search}.
 *
 * @param klRadius {@code delta}, the largest measured KL a step may have
 * @param shrinkFactor the step is multiplied by this after each rejected candidate
 * @param maxBacktracks rejected candidates after the full step before giving up
 * @param acceptRatio the improvement must reach this fraction of the first-order prediction
 */
public record LineSearchSettings(double klRadius, double shrinkFactor, int maxBacktracks, double acceptRatio) {
    public static final String PREFIX = "acktr.step-size.line-search";

    public static LineSearchSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new LineSearchSettings(r.positiveDouble("kl-radius"), r.doubleIn("shrink-factor", 0, 1, true),
                r.nonNegativeInt("max-backtracks"), r.doubleIn("accept-ratio", 0, 1, true));
    }
}
