package io.acktr.curvature.guice;

import com.typesafe.config.Config;
import io.acktr.api.curvature.FisherTargets;
import io.acktr.api.plugin.SettingsReader;
import io.acktr.curvature.kfac.DampingForm;

/**
 * Settings of {@code acktr.curvature.kfac}.
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

    /** Synchronous, statistics every update, true Fisher, fixed damping. */
    public KfacSettings(double damping, DampingForm dampingForm, double statsDecay, int inverseInterval,
                        int warmupUpdates, double eigenvalueFloor) {
        this(damping, dampingForm, statsDecay, inverseInterval, 1, warmupUpdates, eigenvalueFloor, false,
                FisherTargets.SAMPLED, LevenbergMarquardtSettings.disabled());
    }

    public static KfacSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new KfacSettings(
                r.positiveDouble("damping"),
                DampingForm.fromConfigName(r.oneOf("damping-form", DampingForm.configNames())),
                r.doubleIn("stats-decay", 0, 1, true),
                r.positiveInt("inverse-interval"),
                r.positiveInt("statistics-interval"),
                r.nonNegativeInt("warmup-updates"),
                r.nonNegativeDouble("eigenvalue-floor"),
                r.bool("async"),
                FisherTargets.fromConfigName(r.oneOf("fisher", FisherTargets.configNames())),
                LevenbergMarquardtSettings.from(r));
    }
}
