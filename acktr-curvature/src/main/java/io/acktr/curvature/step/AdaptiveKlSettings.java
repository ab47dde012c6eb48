package io.acktr.curvature.step;

import static io.acktr.api.plugin.SettingsReader.invalid;
import static io.acktr.api.plugin.SettingsReader.requirePositive;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;

/** Settings of {@code acktr.step-size.adaptive-kl}; defaults live in {@code reference.conf}. */
public record AdaptiveKlSettings(double initialStepSize, double targetKl, double minStepSize, double maxStepSize) {
    public static final String PREFIX = "acktr.step-size.adaptive-kl";

    public AdaptiveKlSettings {
        requirePositive(PREFIX + ".initial-step-size", initialStepSize);
        requirePositive(PREFIX + ".target-kl", targetKl);
        requirePositive(PREFIX + ".min-step-size", minStepSize);
        requirePositive(PREFIX + ".max-step-size", maxStepSize);
        if (minStepSize > maxStepSize) {
            throw invalid(PREFIX + ".min-step-size", minStepSize, "must be <= " + PREFIX + ".max-step-size = " + maxStepSize);
        }
    }

    public static AdaptiveKlSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new AdaptiveKlSettings(r.doubleValue("initial-step-size"), r.doubleValue("target-kl"),
                r.doubleValue("min-step-size"), r.doubleValue("max-step-size"));
    }
}
