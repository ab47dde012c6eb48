package io.acktr.runtime.settings;

import static io.acktr.api.plugin.SettingsReader.requireAtLeast;
import static io.acktr.api.plugin.SettingsReader.requireIn;
import static io.acktr.api.plugin.SettingsReader.requirePositive;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;

/**
 * Settings of {@code acktr.diagnostics.direction-cosine}, the curvature-quality diagnostic: every
 * {@code interval} updates the update also solves for the exact damped natural gradient of its batch,
 * {@code (F + damping I)^{-1} grad}, by conjugate gradient on exact Fisher-vector products (at most
 * {@code maxIterations} of them, stopping at {@code |r| <= tolerance |grad|}), and reports the cosine
 * between it and the curvature estimator's direction. Defaults live in {@code reference.conf}.
 *
 * @param interval updates between two measurements; 0: never (the default)
 * @param damping {@code lambda} of the reference solve
 * @param maxIterations Fisher-vector products of one reference solve at most
 * @param tolerance the reference solve stops when the residual is this fraction of the gradient's norm
 */
public record DirectionCosineSettings(int interval, double damping, int maxIterations, double tolerance) {
    public static final String PREFIX = "acktr.diagnostics.direction-cosine";

    public DirectionCosineSettings {
        requireAtLeast(PREFIX + ".interval", interval, 0);
        requirePositive(PREFIX + ".damping", damping);
        requireAtLeast(PREFIX + ".max-iterations", maxIterations, 1);
        requireIn(PREFIX + ".tolerance", tolerance, 0, 1, true);
    }

    public static DirectionCosineSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new DirectionCosineSettings(r.intValue("interval"), r.doubleValue("damping"), r.intValue("max-iterations"),
                r.doubleValue("tolerance"));
    }

    /** Whether any update measures the cosine. */
    public boolean enabled() {
        return interval > 0;
    }

    /** Whether update number {@code update} (1 for the first) measures it. */
    public boolean measures(long update) {
        return interval > 0 && update % interval == 0;
    }
}
