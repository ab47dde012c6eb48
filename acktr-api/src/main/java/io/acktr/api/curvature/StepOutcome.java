package io.acktr.api.curvature;

/**
 * What an applied step did to the loss on its batch, for damping adaptation: the reduction ratio
 * {@code rho = actualChange / predictedChange} compares the loss change with the quadratic model's
 * {@code grad^T dtheta + 0.5 dtheta^T F_hat dtheta}.
 */
public record StepOutcome(double actualChange, double predictedChange) {
    /** {@code actualChange / predictedChange}, or NaN when either is not finite or the prediction is 0. */
    public double reductionRatio() {
        if (!Double.isFinite(actualChange) || !Double.isFinite(predictedChange) || predictedChange == 0) {
            return Double.NaN;
        }
        return actualChange / predictedChange;
    }
}
