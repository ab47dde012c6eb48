package io.acktr.curvature.guice;

import io.acktr.api.plugin.SettingsReader;

/**
 * Settings of a {@code levenberg-marquardt} block of K-FAC or EKFAC: after each step the damping
 * is multiplied by {@code factor} when the reduction ratio {@code rho} of actual to predicted loss
 * change is above 3/4, divided by it below 1/4 (Martens and Grosse 2015, section 6.5), and kept
 * within {@code [min-damping, max-damping]}.
 */
public record LevenbergMarquardtSettings(boolean enabled, double factor, double minDamping, double maxDamping) {
    public static final double LOW_RATIO = 0.25;
    public static final double HIGH_RATIO = 0.75;

    static LevenbergMarquardtSettings from(SettingsReader estimator) {
        SettingsReader r = new SettingsReader(estimator.config(), estimator.path("levenberg-marquardt"));
        double min = r.positiveDouble("min-damping");
        double max = r.positiveDouble("max-damping");
        if (max < min) {
            throw r.bad("max-damping", max, "must be >= " + r.path("min-damping") + " = " + min);
        }
        return new LevenbergMarquardtSettings(r.bool("enabled"), r.doubleIn("factor", 0, 1, true), min, max);
    }

    public static LevenbergMarquardtSettings disabled() {
        return new LevenbergMarquardtSettings(false, 0.95, 1e-8, 1e8);
    }
}
