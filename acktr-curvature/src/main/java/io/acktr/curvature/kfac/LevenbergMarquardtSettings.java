package io.acktr.curvature.kfac;

import static io.acktr.api.plugin.SettingsReader.invalid;
import static io.acktr.api.plugin.SettingsReader.requireIn;
import static io.acktr.api.plugin.SettingsReader.requirePositive;
import static java.util.Objects.requireNonNull;

import io.acktr.api.plugin.SettingsReader;

/**
 * Settings of a {@code levenberg-marquardt} block of K-FAC or EKFAC: after each step the damping
 * is multiplied by {@code factor} when the reduction ratio {@code rho} of actual to predicted loss
 * change is above 3/4, divided by it below 1/4 (Martens and Grosse 2015, section 6.5), and kept
 * within {@code [min-damping, max-damping]}.
 *
 * @param path where the block is, e.g. {@code acktr.curvature.kfac.levenberg-marquardt}, for messages
 */
public record LevenbergMarquardtSettings(String path, boolean enabled, double factor, double minDamping,
                                         double maxDamping) {
    public static final String KEY = "levenberg-marquardt";
    public static final double LOW_RATIO = 0.25;
    public static final double HIGH_RATIO = 0.75;

    public LevenbergMarquardtSettings {
        requireNonNull(path, "path is null");
        requireIn(path + ".factor", factor, 0, 1, true);
        requirePositive(path + ".min-damping", minDamping);
        requirePositive(path + ".max-damping", maxDamping);
        if (maxDamping < minDamping) {
            throw invalid(path + ".max-damping", maxDamping, "must be >= " + path + ".min-damping = " + minDamping);
        }
    }

    /** The {@value #KEY} block under the estimator that {@code estimator} reads. */
    static LevenbergMarquardtSettings from(SettingsReader estimator) {
        SettingsReader r = new SettingsReader(estimator.config(), estimator.path(KEY));
        return new LevenbergMarquardtSettings(estimator.path(KEY), r.bool("enabled"),
                r.doubleValue("factor"), r.doubleValue("min-damping"), r.doubleValue("max-damping"));
    }
}
