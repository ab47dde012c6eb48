package io.acktr.runtime.settings;

import static io.acktr.api.plugin.SettingsReader.requireAtLeast;
import static io.acktr.api.plugin.SettingsReader.requireIn;
import static io.acktr.api.plugin.SettingsReader.requireNonNegative;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;

/**
 * Settings of {@code acktr.algorithm}: the A2C skeleton, the Fisher pass, and how often the
 * trainer measures what a step did ({@code measureStepInterval} updates apart; 0: only where a
 * step rule or curvature needs it). Defaults live in {@code reference.conf}.
 */
public record AlgorithmSettings(int rolloutSteps, double gamma, double gaeLambda, double entropyCoefficient,
                                double valueCoefficient, double valueFisherCoefficient, boolean normalizeAdvantages,
                                int measureStepInterval) {
    public static final String PREFIX = "acktr.algorithm";

    public AlgorithmSettings {
        requireAtLeast(PREFIX + ".rollout-steps", rolloutSteps, 1);
        requireIn(PREFIX + ".gamma", gamma, 0, 1, false);
        requireIn(PREFIX + ".gae-lambda", gaeLambda, 0, 1, false);
        requireNonNegative(PREFIX + ".entropy-coefficient", entropyCoefficient);
        requireNonNegative(PREFIX + ".value-coefficient", valueCoefficient);
        requireNonNegative(PREFIX + ".value-fisher-coefficient", valueFisherCoefficient);
        requireAtLeast(PREFIX + ".measure-step-interval", measureStepInterval, 0);
    }

    public static AlgorithmSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new AlgorithmSettings(
                r.intValue("rollout-steps"),
                r.doubleValue("gamma"),
                r.doubleValue("gae-lambda"),
                r.doubleValue("entropy-coefficient"),
                r.doubleValue("value-coefficient"),
                r.doubleValue("value-fisher-coefficient"),
                r.bool("normalize-advantages"),
                r.intValue("measure-step-interval"));
    }
}
