package io.acktr.runtime.algorithm;

/**
 * What one update measured on its batch.
 *
 * @param applied false when a non-finite direction made the update skip
 * @param kl mean {@code KL(old || new)} over the batch, measured after the step; NaN on updates that did not
 *     measure it ({@code acktr.algorithm.measure-step-interval})
 * @param skipReason why the update was skipped (empty when applied)
 * @param directionCosine the cosine between the curvature estimator's direction and the batch's exact
 *     damped natural gradient; NaN on updates that did not measure it ({@code acktr.diagnostics.direction-cosine})
 * @param directionCosinePerGroup the mean over parameter groups (a separate actor and critic) of that cosine
 *     within each group; NaN where {@code directionCosine} is
 */
public record UpdateResult(boolean applied, double policyLoss, double valueLoss, double entropy, double kl,
                           double predictedKl, double stepSize, String skipReason, double directionCosine,
                           double directionCosinePerGroup) {
}
