package io.acktr.curvature.guice;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;

/** Settings of {@code acktr.step-size.fixed}. */
public record FixedStepSettings(double learningRate, double momentum) {
    public static final String PREFIX = "acktr.step-size.fixed";

    public static FixedStepSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new FixedStepSettings(r.positiveDouble("learning-rate"), r.doubleIn("momentum", 0, 1, true));
    }
}
