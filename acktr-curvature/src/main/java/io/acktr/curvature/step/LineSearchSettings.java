package io.acktr.curvature.step;

import static io.acktr.api.plugin.SettingsReader.requireAtLeast;
import static io.acktr.api.plugin.SettingsReader.requireIn;
import static io.acktr.api.plugin.SettingsReader.requirePositive;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;

/**
 * Settings of {@code acktr.step-size.line-search}; defaults live in {@code reference.conf}.
 *
 * @param klRadius {@code delta}, the largest measured KL a step may have
 * @param shrinkFactor the step is multiplied by this after each rejected candidate
 * @param maxBacktracks rejected candidates after the full step before giving up
 * @param acceptRatio the improvement must reach this fraction of the first-order prediction
 */
public record LineSearchSettings(double klRadius, double shrinkFactor, int maxBacktracks, double acceptRatio) {
    public static final String PREFIX = "acktr.step-size.line-search";

    public LineSearchSettings {
        requirePositive(PREFIX + ".kl-radius", klRadius);
        requireIn(PREFIX + ".shrink-factor", shrinkFactor, 0, 1, true);
        requireAtLeast(PREFIX + ".max-backtracks", maxBacktracks, 0);
        requireIn(PREFIX + ".accept-ratio", acceptRatio, 0, 1, true);
    }

    public static LineSearchSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new LineSearchSettings(r.doubleValue("kl-radius"), r.doubleValue("shrink-factor"),
                r.intValue("max-backtracks"), r.doubleValue("accept-ratio"));
    }
}
