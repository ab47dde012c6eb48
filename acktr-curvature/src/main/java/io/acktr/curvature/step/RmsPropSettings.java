package io.acktr.curvature.step;

import static io.acktr.api.plugin.SettingsReader.requireIn;
import static io.acktr.api.plugin.SettingsReader.requirePositive;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;

/** Settings of {@code acktr.step-size.rmsprop}; defaults live in {@code reference.conf}. */
public record RmsPropSettings(double learningRate, double decay, double epsilon, double maxGradientNorm) {
    public static final String PREFIX = "acktr.step-size.rmsprop";

    public RmsPropSettings {
        requirePositive(PREFIX + ".learning-rate", learningRate);
        requireIn(PREFIX + ".decay", decay, 0, 1, true);
        requirePositive(PREFIX + ".epsilon", epsilon);
        requirePositive(PREFIX + ".max-gradient-norm", maxGradientNorm);
    }

    public static RmsPropSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new RmsPropSettings(r.doubleValue("learning-rate"), r.doubleValue("decay"), r.doubleValue("epsilon"),
                r.doubleValue("max-gradient-norm"));
    }
}
