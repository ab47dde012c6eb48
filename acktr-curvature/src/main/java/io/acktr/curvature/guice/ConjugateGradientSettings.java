package io.acktr.curvature.guice;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;

/**
 * Settings of {@code acktr.curvature.cg-fisher}.
 *
 * @param damping {@code lambda} in {@code (F + lambda I) x = grad}
 * @param maxIterations CG iterations per update at most (one Fisher-vector product each)
 * @param tolerance CG stops when {@code |r| <= tolerance |grad|}
 */
public record ConjugateGradientSettings(double damping, int maxIterations, double tolerance) {
    public static final String PREFIX = "acktr.curvature.cg-fisher";

    public static ConjugateGradientSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new ConjugateGradientSettings(r.nonNegativeDouble("damping"), r.positiveInt("max-iterations"),
                r.nonNegativeDouble("tolerance"));
    }
}
