package io.acktr.curvature.step;

import static io.acktr.api.plugin.SettingsReader.requireIn;
import static io.acktr.api.plugin.SettingsReader.requirePositive;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;

/** Settings of {@code acktr.step-size.adam}; defaults live in {@code reference.conf}. */
public record AdamSettings(double learningRate, double beta1, double beta2, double epsilon, double maxGradientNorm) {
    public static final String PREFIX = "acktr.step-size.adam";

    public AdamSettings {
        requirePositive(PREFIX + ".learning-rate", learningRate);
        requireIn(PREFIX + ".beta1", beta1, 0, 1, true);
        requireIn(PREFIX + ".beta2", beta2, 0, 1, true);
        requirePositive(PREFIX + ".epsilon", epsilon);
        requirePositive(PREFIX + ".max-gradient-norm", maxGradientNorm);
    }

    public static AdamSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new AdamSettings(r.doubleValue("learning-rate"), r.doubleValue("beta1"), r.doubleValue("beta2"),
                r.doubleValue("epsilon"), r.doubleValue("max-gradient-norm"));
    }
}
