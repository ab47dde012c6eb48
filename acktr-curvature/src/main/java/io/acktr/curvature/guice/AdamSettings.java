package io.acktr.curvature.guice;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;

/** Settings of {@code acktr.step-size.adam}. */
public record AdamSettings(double learningRate, double beta1, double beta2, double epsilon, double maxGradientNorm) {
    public static final String PREFIX = "acktr.step-size.adam";

    public static AdamSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new AdamSettings(r.positiveDouble("learning-rate"), r.doubleIn("beta1", 0, 1, true),
                r.doubleIn("beta2", 0, 1, true), r.positiveDouble("epsilon"), r.positiveDouble("max-gradient-norm"));
    }
}
