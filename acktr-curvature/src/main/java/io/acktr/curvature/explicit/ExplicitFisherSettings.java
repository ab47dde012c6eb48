package io.acktr.curvature.explicit;

import static io.acktr.api.plugin.SettingsReader.requireAtLeast;
import static io.acktr.api.plugin.SettingsReader.requirePositive;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;

/**
 * Settings of {@code acktr.curvature.explicit}; defaults live in {@code reference.conf}.
 *
 * @param damping {@code lambda} in {@code (F + lambda I)^{-1}}
 * @param maxParameters networks with more parameters are refused
 */
public record ExplicitFisherSettings(double damping, int maxParameters) {
    public static final String PREFIX = "acktr.curvature.explicit";

    public ExplicitFisherSettings {
        requirePositive(PREFIX + ".damping", damping);
        requireAtLeast(PREFIX + ".max-parameters", maxParameters, 1);
    }

    public static ExplicitFisherSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new ExplicitFisherSettings(r.doubleValue("damping"), r.intValue("max-parameters"));
    }
}
