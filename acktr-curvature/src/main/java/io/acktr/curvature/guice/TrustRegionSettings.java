package io.acktr.curvature.guice;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;
import io.acktr.curvature.step.TrustRegionScope;

/**
 * Settings of {@code acktr.step-size.trust-region}.
 *
 * @param maxStepSize {@code eta_max}
 * @param klRadius the trust-region radius {@code delta} (a KL), used as {@code sqrt(2 delta / q)}
 * @param momentum momentum on the scaled step (an exponential average), 0 for none
 * @param scope one step size for all parameters, or one per parameter group
 * @param klFeedback shrink the radius while the measured KL of steps exceeds twice the budget
 * @param linearSchedule decay the radius linearly to 0 over the run
 */
public record TrustRegionSettings(double maxStepSize, double klRadius, double momentum, TrustRegionScope scope,
                                  boolean klFeedback, boolean linearSchedule) {
    public static final java.util.List<String> SCHEDULES = java.util.List.of("constant", "linear");

    public static final String PREFIX = "acktr.step-size.trust-region";

    public TrustRegionSettings(double maxStepSize, double klRadius, double momentum) {
        this(maxStepSize, klRadius, momentum, TrustRegionScope.JOINT, false, false);
    }

    public static TrustRegionSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new TrustRegionSettings(r.positiveDouble("max-step-size"), r.positiveDouble("kl-radius"),
                r.doubleIn("momentum", 0, 1, true),
                TrustRegionScope.fromConfigName(r.oneOf("scope", TrustRegionScope.configNames())), r.bool("kl-feedback"),
                r.oneOf("schedule", SCHEDULES).equals("linear"));
    }
}
