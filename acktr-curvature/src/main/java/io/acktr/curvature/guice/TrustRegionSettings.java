package io.acktr.curvature.guice;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;

/**
 * Settings of {@code acktr.step-size.trust-region}.
 *
 * @param maxStepSize {@code eta_max}
 * @param klRadius the trust-region radius {@code delta} (a KL), used as {@code sqrt(2 delta / q)}
 * @param momentum heavy-ball momentum on the scaled step, 0 for none
 */
public record TrustRegionSettings(double maxStepSize, double klRadius, double momentum) {
    public static final String PREFIX = "acktr.step-size.trust-region";

    public static TrustRegionSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new TrustRegionSettings(r.positiveDouble("max-step-size"), r.positiveDouble("kl-radius"),
                r.doubleIn("momentum", 0, 1, true));
    }
}
