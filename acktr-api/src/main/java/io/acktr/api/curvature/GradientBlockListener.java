package io.acktr.api.curvature;

import io.acktr.api.plugin.ExtensionPoint;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An optional ability of a {@link CurvatureEstimator}: to hear each block of the gradient as soon as
 * the update's backward pass has computed it (top layer first), while it goes on computing the
 * blocks below, so that the estimator may start preconditioning that block on a free core. The
 * same arrays then reach {@link CurvatureEstimator#precondition}. An estimator without this ability
 * sees only the finished gradient.
 */
@ExtensionPoint
@FunctionalInterface
public interface GradientBlockListener {
    /** {@code gradient} is final; the estimator must not change it. */
    void gradientReady(String block, INDArray gradient);
}
