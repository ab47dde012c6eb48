package io.acktr.curvature.guice;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;

/**
 * Settings of {@code acktr.curvature.explicit}.
 *
 * @param damping {@code lambda} in {@code (F + lambda I)^{-1}}
 * @param maxParameters networks with more parameters are refused
 */
public record ExplicitFisherSettings(double damping, int maxParameters) {
    public static final String PREFIX = "acktr.curvature.explicit";

    public static ExplicitFisherSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new ExplicitFisherSettings(r.positiveDouble("damping"), r.positiveInt("max-parameters"));
    }
}
