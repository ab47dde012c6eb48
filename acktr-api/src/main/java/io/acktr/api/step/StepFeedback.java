package io.acktr.api.step;

/**
 * What an applied step did, measured on its batch with a second forward pass.
 *
 * @param measuredKl the mean KL of the model's output distribution (the joint {@code p(a, v | s)})
 *     between before and after the step
 * @param predictedKl the step rule's prediction of it, {@code 0.5 eta^2 Delta^T F_hat Delta}
 * @param lossChange {@code L(theta + dtheta) - L(theta)} of the update's loss (negative is better)
 * @param predictedLossChange the quadratic model's {@code grad^T dtheta + predictedKl}
 */
public record StepFeedback(double measuredKl, double predictedKl, double lossChange, double predictedLossChange) {
    /**
     * The reduction ratio {@code rho = lossChange / predictedLossChange} of damping adaptation, or
     * NaN when either is not finite or the prediction is 0.
     */
    public double reductionRatio() {
        if (!Double.isFinite(lossChange) || !Double.isFinite(predictedLossChange) || predictedLossChange == 0) {
            return Double.NaN;
        }
        return lossChange / predictedLossChange;
    }
}
