package io.acktr.curvature.guice;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;

/** Settings of {@code acktr.step-size.rmsprop}. */
public record RmsPropSettings(double learningRate, double decay, double epsilon, double maxGradientNorm) {
    public static final String PREFIX = "acktr.step-size.rmsprop";

    public static RmsPropSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new RmsPropSettings(r.positiveDouble("learning-rate"), r.doubleIn("decay", 0, 1, true),
                r.positiveDouble("epsilon"), r.positiveDouble("max-gradient-norm"));
    }
}
