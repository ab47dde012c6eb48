package io.acktr.runtime.settings;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;

/**
 * Settings of {@code acktr.algorithm}: the A2C skeleton, the Fisher pass, and how often the
 * trainer measures what a step did ({@code measureStepInterval} updates apart; 0: only where a
 * step rule or curvature needs it).
 */
public record AlgorithmSettings(int rolloutSteps, double gamma, double gaeLambda, double entropyCoefficient,
                                double valueCoefficient, double valueFisherCoefficient, boolean normalizeAdvantages,
                                int measureStepInterval) {
    public AlgorithmSettings(int rolloutSteps, double gamma, double gaeLambda, double entropyCoefficient,
                             double valueCoefficient, double valueFisherCoefficient) {
        this(rolloutSteps, gamma, gaeLambda, entropyCoefficient, valueCoefficient, valueFisherCoefficient, false, 1);
    }

    public static final String PREFIX = "acktr.algorithm";

    public static AlgorithmSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new AlgorithmSettings(
                r.positiveInt("rollout-steps"),
                r.doubleIn("gamma", 0, 1, false),
                r.doubleIn("gae-lambda", 0, 1, false),
                r.nonNegativeDouble("entropy-coefficient"),
                r.nonNegativeDouble("value-coefficient"),
                r.nonNegativeDouble("value-fisher-coefficient"),
                r.bool("normalize-advantages"),
                r.nonNegativeInt("measure-step-interval"));
    }
}
