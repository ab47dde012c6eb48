package io.acktr.runtime.settings;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;

/** Settings of {@code acktr.algorithm}: the A2C skeleton and the Fisher pass. */
public record AlgorithmSettings(int rolloutSteps, double gamma, double gaeLambda, double entropyCoefficient,
                                double valueCoefficient, double valueFisherCoefficient, boolean normalizeAdvantages) {
    public AlgorithmSettings(int rolloutSteps, double gamma, double gaeLambda, double entropyCoefficient,
                             double valueCoefficient, double valueFisherCoefficient) {
        this(rolloutSteps, gamma, gaeLambda, entropyCoefficient, valueCoefficient, valueFisherCoefficient, false);
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
                r.bool("normalize-advantages"));
    }
}
