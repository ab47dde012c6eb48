package io.acktr.curvature.guice;

import com.typesafe.config.Config;
import io.acktr.api.curvature.FisherTargets;
import io.acktr.api.plugin.SettingsReader;

/**
 * Settings of {@code acktr.curvature.ekfac}.
 *
 * @param damping added to the eigenvalue-corrected scales (the initial value when Levenberg-Marquardt adapts it)
 * @param statsDecay running-average decay of the factors and of the scales
 * @param inverseInterval updates between refreshes of the eigenbases
 * @param warmupUpdates updates that only gather statistics
 * @param eigenvalueFloor eigenvalues of the factors are clipped from below at this value
 * @param async whether the Fisher pass, the factor statistics and the periodic eigendecompositions run off the training thread
 * @param fisher sampled targets (the true Fisher) or the batch's own (the empirical Fisher)
 * @param levenbergMarquardt damping adaptation
 */
public record EkfacSettings(double damping, double statsDecay, int inverseInterval, int warmupUpdates,
                            double eigenvalueFloor, boolean async, FisherTargets fisher,
                            LevenbergMarquardtSettings levenbergMarquardt) {
    public static final String PREFIX = "acktr.curvature.ekfac";

    /** Synchronous, true Fisher, fixed damping, no eigenvalue floor. */
    public EkfacSettings(double damping, double statsDecay, int inverseInterval, int warmupUpdates) {
        this(damping, statsDecay, inverseInterval, warmupUpdates, 0, false, FisherTargets.SAMPLED,
                LevenbergMarquardtSettings.disabled());
    }

    public static EkfacSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new EkfacSettings(r.positiveDouble("damping"), r.doubleIn("stats-decay", 0, 1, true),
                r.positiveInt("inverse-interval"), r.nonNegativeInt("warmup-updates"),
                r.nonNegativeDouble("eigenvalue-floor"), r.bool("async"),
                FisherTargets.fromConfigName(r.oneOf("fisher", FisherTargets.configNames())),
                LevenbergMarquardtSettings.from(r));
    }
}
