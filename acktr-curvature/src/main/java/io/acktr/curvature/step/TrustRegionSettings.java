package io.acktr.curvature.step;

import static io.acktr.api.plugin.SettingsReader.requireIn;
import static io.acktr.api.plugin.SettingsReader.requirePositive;
import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;
import java.util.List;

/**
 * Settings of {@code acktr.step-size.trust-region}; defaults live in {@code reference.conf}.
 *
 * @param maxStepSize {@code eta_max}
 * @param klRadius the trust-region radius {@code delta} (a KL), used as {@code sqrt(2 delta / q)}
 * @param momentum momentum on the scaled step (an exponential average), 0 for none
 * @param scope one step size for all parameters, or one per parameter group
 * @param klFeedback shrink the radius while the measured KL of steps exceeds twice the budget
 * @param linearSchedule decay the radius linearly to 0 over the run
 * @param exactQuadraticForm measure {@code Delta^T F Delta} with the exact Fisher of the batch
 *     ({@code quadratic-form = exact}) instead of the estimator's approximate one ({@code approximate})
 */
public record TrustRegionSettings(double maxStepSize, double klRadius, double momentum, TrustRegionScope scope,
                                  boolean klFeedback, boolean linearSchedule, boolean exactQuadraticForm) {
    public static final List<String> SCHEDULES = List.of("constant", "linear");
    public static final List<String> QUADRATIC_FORMS = List.of("approximate", "exact");
    public static final String PREFIX = "acktr.step-size.trust-region";

    public TrustRegionSettings {
        requirePositive(PREFIX + ".max-step-size", maxStepSize);
        requirePositive(PREFIX + ".kl-radius", klRadius);
        requireIn(PREFIX + ".momentum", momentum, 0, 1, true);
        requireNonNull(scope, "scope is null");
    }

    /** Settings with the estimator's approximate quadratic form (the paper's). */
    public TrustRegionSettings(double maxStepSize, double klRadius, double momentum, TrustRegionScope scope,
                               boolean klFeedback, boolean linearSchedule) {
        this(maxStepSize, klRadius, momentum, scope, klFeedback, linearSchedule, false);
    }

    public static TrustRegionSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new TrustRegionSettings(r.doubleValue("max-step-size"), r.doubleValue("kl-radius"),
                r.doubleValue("momentum"), TrustRegionScope.fromConfigName(r.oneOf("scope", TrustRegionScope.configNames())),
                r.bool("kl-feedback"), r.oneOf("schedule", SCHEDULES).equals("linear"),
                r.oneOf("quadratic-form", QUADRATIC_FORMS).equals("exact"));
    }
}
