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
 * Settings of {@code acktr.curvature.kfac}; defaults live in {@code reference.conf}.
 *
 * @param damping Tikhonov damping {@code lambda} (the initial value when Levenberg-Marquardt adapts it)
 * @param dampingForm eigen or factored-tikhonov
 * @param statsDecay running-average decay {@code eps} of the factors
 * @param inverseInterval {@code T_inv}: updates between eigendecompositions
 * @param statisticsInterval {@code T_stat}: updates between Fisher passes folded into the factors (1: every update)
 * @param warmupUpdates updates that only accumulate statistics before preconditioning starts
 * @param eigenvalueFloor eigenvalues of the factors are clipped from below at this value
 * @param async whether the Fisher pass, the factor statistics and the periodic eigendecompositions run off the training thread
 * @param fisher sampled targets (the true Fisher) or the batch's own (the empirical Fisher)
 * @param levenbergMarquardt damping adaptation
 */
public record KfacSettings(double damping, DampingForm dampingForm, double statsDecay, int inverseInterval,
                           int statisticsInterval, int warmupUpdates, double eigenvalueFloor, boolean async, FisherTargets fisher,
                           LevenbergMarquardtSettings levenbergMarquardt) {
    public static final String PREFIX = "acktr.curvature.kfac";

    public KfacSettings {
        requirePositive(PREFIX + ".damping", damping);
        requireNonNull(dampingForm, "dampingForm is null");
        requireIn(PREFIX + ".stats-decay", statsDecay, 0, 1, true);
        requireAtLeast(PREFIX + ".inverse-interval", inverseInterval, 1);
        requireAtLeast(PREFIX + ".statistics-interval", statisticsInterval, 1);
        requireAtLeast(PREFIX + ".warmup-updates", warmupUpdates, 0);
        requireNonNegative(PREFIX + ".eigenvalue-floor", eigenvalueFloor);
        requireNonNull(fisher, "fisher is null");
        requireNonNull(levenbergMarquardt, "levenbergMarquardt is null");
    }

    public static KfacSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new KfacSettings(
                r.doubleValue("damping"),
                DampingForm.fromConfigName(r.oneOf("damping-form", DampingForm.configNames())),
                r.doubleValue("stats-decay"),
                r.intValue("inverse-interval"),
                r.intValue("statistics-interval"),
                r.intValue("warmup-updates"),
                r.doubleValue("eigenvalue-floor"),
                r.bool("async"),
                FisherTargets.fromConfigName(r.oneOf("fisher", FisherTargets.configNames())),
                LevenbergMarquardtSettings.from(r));
    }
}
