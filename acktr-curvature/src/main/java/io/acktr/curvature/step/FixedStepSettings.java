package io.acktr.curvature.step;

import static io.acktr.api.plugin.SettingsReader.requireIn;
import static io.acktr.api.plugin.SettingsReader.requirePositive;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;

/** Settings of {@code acktr.step-size.fixed}; defaults live in {@code reference.conf}. */
public record FixedStepSettings(double learningRate, double momentum) {
    public static final String PREFIX = "acktr.step-size.fixed";

    public FixedStepSettings {
        requirePositive(PREFIX + ".learning-rate", learningRate);
        requireIn(PREFIX + ".momentum", momentum, 0, 1, true);
    }

    public static FixedStepSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new FixedStepSettings(r.doubleValue("learning-rate"), r.doubleValue("momentum"));
    }
}
