package io.acktr.curvature.guice;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;

/** Settings of {@code acktr.step-size.adaptive-kl}. */
public record AdaptiveKlSettings(double initialStepSize, double targetKl, double minStepSize, double maxStepSize) {
    public static final String PREFIX = "acktr.step-size.adaptive-kl";

    public AdaptiveKlSettings {
        if (minStepSize > maxStepSize) {
            throw new com.typesafe.config.ConfigException.BadValue(PREFIX + ".min-step-size",
                    minStepSize + ": must be <= " + PREFIX + ".max-step-size = " + maxStepSize);
        }
    }

    public static AdaptiveKlSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new AdaptiveKlSettings(r.positiveDouble("initial-step-size"), r.positiveDouble("target-kl"),
                r.positiveDouble("min-step-size"), r.positiveDouble("max-step-size"));
    }
}
