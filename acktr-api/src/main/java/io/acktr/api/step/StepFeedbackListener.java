package io.acktr.api.step;

import io.acktr.api.plugin.ExtensionPoint;

/**
 * An optional ability of a {@link StepSizeRule} or a
 * {@link io.acktr.api.curvature.CurvatureEstimator}: to hear what each measured step did, e.g. to
 * compare its KL with the prediction or to adapt a damping. It hears every step when its
 * requirements ask for that, else every {@code acktr.algorithm.measure-step-interval}-th one.
 */
@ExtensionPoint
@FunctionalInterface
public interface StepFeedbackListener {
    void observe(StepFeedback feedback);
}
