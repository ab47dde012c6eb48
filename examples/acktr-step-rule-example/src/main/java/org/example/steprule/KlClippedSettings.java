package org.example.steprule;

import static io.acktr.api.plugin.SettingsReader.invalid;
import static io.acktr.api.plugin.SettingsReader.requireIn;
import static io.acktr.api.plugin.SettingsReader.requirePositive;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;

/**
 * Settings of {@code acktr.step-size.kl-clipped}; the defaults live in this jar's
 * {@code reference.conf}. Ranges are checked here, so a record built in code is checked as one read
 * from the configuration.
 *
 * @param klRadius {@code delta}, the KL per update the calibrated model may predict
 * @param maxStepSize {@code eta_max}, the step size when the KL bound does not bind
 * @param calibrationDecay decay of the running geometric mean of measured over predicted KL
 * @param maxCorrection the calibration stays within {@code [1 / maxCorrection, maxCorrection]}
 */
public record KlClippedSettings(double klRadius, double maxStepSize, double calibrationDecay, double maxCorrection) {
    public static final String PREFIX = "acktr.step-size.kl-clipped";

    public KlClippedSettings {
        requirePositive(PREFIX + ".kl-radius", klRadius);
        requirePositive(PREFIX + ".max-step-size", maxStepSize);
        requireIn(PREFIX + ".calibration-decay", calibrationDecay, 0, 1, true);
        if (!(maxCorrection >= 1) || Double.isInfinite(maxCorrection)) {
            throw invalid(PREFIX + ".max-correction", maxCorrection, "must be a finite number >= 1");
        }
    }

    public static KlClippedSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new KlClippedSettings(r.doubleValue("kl-radius"), r.doubleValue("max-step-size"),
                r.doubleValue("calibration-decay"), r.doubleValue("max-correction"));
    }
}
