package io.acktr.curvature.kfac;

import io.acktr.api.step.StepFeedback;

/** The Tikhonov damping {@code lambda}: fixed, or adapted by the Levenberg-Marquardt rule. */
final class AdaptiveDamping {
    private final LevenbergMarquardtSettings rule;
    private double lambda;

    AdaptiveDamping(double initial, LevenbergMarquardtSettings rule) {
        this.lambda = initial;
        this.rule = rule;
    }

    double current() {
        return lambda;
    }

    /** Whether lambda adapts, and so needs the outcome of every step. */
    boolean adapts() {
        return rule.enabled();
    }

    /** Shrinks lambda after a step the quadratic model predicted well, grows it after one it did not. */
    void observe(StepFeedback feedback) {
        double rho = feedback.reductionRatio();
        if (!rule.enabled() || Double.isNaN(rho)) {
            return;
        }
        if (rho > LevenbergMarquardtSettings.HIGH_RATIO) {
            lambda *= rule.factor();
        } else if (rho < LevenbergMarquardtSettings.LOW_RATIO) {
            lambda /= rule.factor();
        }
        lambda = Math.min(rule.maxDamping(), Math.max(rule.minDamping(), lambda));
    }

    double saved() {
        return lambda;
    }

    void restore(double saved) {
        lambda = saved;
    }
}
