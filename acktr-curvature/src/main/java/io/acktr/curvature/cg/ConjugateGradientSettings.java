package io.acktr.curvature.cg;

import static io.acktr.api.plugin.SettingsReader.requireAtLeast;
import static io.acktr.api.plugin.SettingsReader.requireNonNegative;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;

/**
 * Settings of {@code acktr.curvature.cg-fisher}; defaults live in {@code reference.conf}.
 *
 * @param damping {@code lambda} in {@code (F + lambda I) x = grad}
 * @param maxIterations CG iterations per update at most (one Fisher-vector product each)
 * @param tolerance CG stops when {@code |r| <= tolerance |grad|}
 */
public record ConjugateGradientSettings(double damping, int maxIterations, double tolerance) {
    public static final String PREFIX = "acktr.curvature.cg-fisher";

    public ConjugateGradientSettings {
        requireNonNegative(PREFIX + ".damping", damping);
        requireAtLeast(PREFIX + ".max-iterations", maxIterations, 1);
        requireNonNegative(PREFIX + ".tolerance", tolerance);
    }

    public static ConjugateGradientSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new ConjugateGradientSettings(r.doubleValue("damping"), r.intValue("max-iterations"),
                r.doubleValue("tolerance"));
    }
}
