package io.acktr.curvature.kfac;

import static io.acktr.api.plugin.SettingsReader.requireAtLeast;
import static io.acktr.api.plugin.SettingsReader.requireIn;
import static io.acktr.api.plugin.SettingsReader.requireNonNegative;
import static io.acktr.api.plugin.SettingsReader.requirePositive;
import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import io.acktr.api.curvature.FisherTargets;
import io.acktr.api.plugin.SettingsReader;

/**
 * Settings of {@code acktr.curvature.ekfac}; defaults live in {@code reference.conf}.
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

    public EkfacSettings {
        requirePositive(PREFIX + ".damping", damping);
        requireIn(PREFIX + ".stats-decay", statsDecay, 0, 1, true);
        requireAtLeast(PREFIX + ".inverse-interval", inverseInterval, 1);
        requireAtLeast(PREFIX + ".warmup-updates", warmupUpdates, 0);
        requireNonNegative(PREFIX + ".eigenvalue-floor", eigenvalueFloor);
        requireNonNull(fisher, "fisher is null");
        requireNonNull(levenbergMarquardt, "levenbergMarquardt is null");
    }

    public static EkfacSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new EkfacSettings(r.doubleValue("damping"), r.doubleValue("stats-decay"),
                r.intValue("inverse-interval"), r.intValue("warmup-updates"),
                r.doubleValue("eigenvalue-floor"), r.bool("async"),
                FisherTargets.fromConfigName(r.oneOf("fisher", FisherTargets.configNames())),
                LevenbergMarquardtSettings.from(r));
    }
}
