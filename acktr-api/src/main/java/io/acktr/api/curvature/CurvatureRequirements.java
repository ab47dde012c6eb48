package io.acktr.api.curvature;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What a {@link CurvatureEstimator} needs from every update, declared when the run starts (updates
 * never ask again): which Fisher pass to run, whether that pass must offer exact
 * Fisher-vector products, and whether the estimator must hear how each step went.
 *
 * @param fisherTargets the targets of the Fisher pass whose layer statistics the estimator reads,
 *     or empty when it reads none (the update then skips that backward pass)
 * @param fisherVectorProducts whether the estimator calls {@link FisherSample#fisherVectorProduct()};
 *     the policy must then have forward mode (a {@link io.acktr.api.policy.ForwardModePolicy})
 * @param feedbackEveryUpdate whether the estimator (then an {@link io.acktr.api.step.StepFeedbackListener})
 *     must hear every step's measured outcome; measuring costs a second forward pass of the batch,
 *     which the update otherwise makes every {@code acktr.algorithm.measure-step-interval} updates
 */
public record CurvatureRequirements(Optional<FisherTargets> fisherTargets, boolean fisherVectorProducts,
                                    boolean feedbackEveryUpdate) {
    public CurvatureRequirements {
        requireNonNull(fisherTargets, "fisherTargets is null");
    }

    /** Layer statistics of a pass with these targets, nothing else. */
    public static CurvatureRequirements statistics(FisherTargets targets) {
        return new CurvatureRequirements(Optional.of(targets), false, false);
    }

    /** No Fisher pass at all: the plain gradient, or a preconditioner built from the gradient alone. */
    public static CurvatureRequirements none() {
        return new CurvatureRequirements(Optional.empty(), false, false);
    }

    /** Whether the update hands the estimator a {@link FisherPass} each time. */
    public boolean needsFisherPass() {
        return fisherTargets.isPresent() || fisherVectorProducts;
    }

    public CurvatureRequirements withFeedbackEveryUpdate(boolean every) {
        return new CurvatureRequirements(fisherTargets, fisherVectorProducts, every);
    }
}
