package io.acktr.api.curvature;

import io.acktr.api.plugin.ExtensionPoint;

/**
 * Approximates the Fisher information {@code F} of the policy's output distribution and
 * preconditions gradients with it. One estimator serves one training run; the run closes it at the
 * end. The update talks to it like this:
 *
 * <pre>{@code
 * CurvatureRequirements needs = estimator.requirements();   // once, when the run starts
 * // every update:
 * estimator.observe(fisherPass);                  // only if needs.needsFisherPass()
 * Direction d = estimator.precondition(gradient);  // F_hat^{-1} grad and Delta^T F_hat Delta
 * // after the step, if it is a StepFeedbackListener: observe(feedback)
 * }</pre>
 *
 * <p>Optional abilities are interfaces of their own: a {@link GradientBlockListener} hears the
 * gradient's blocks while the backward pass computes them; an
 * {@link io.acktr.api.step.StepFeedbackListener} hears what each step did (e.g. to adapt the
 * damping).
 */
@ExtensionPoint
public interface CurvatureEstimator extends AutoCloseable {
    String name();

    /** What this estimator needs from every update; asked when the run starts, never during updates. */
    CurvatureRequirements requirements();

    /**
     * This update's Fisher pass, before {@link #precondition}. The estimator runs it (now, later on
     * another thread, or not at all: see {@link FisherPass}) and folds its statistics in.
     */
    void observe(FisherPass pass);

    /** {@code Delta = F_hat^{-1} grad}; the update then changes the parameters. */
    Direction precondition(Gradient gradient);

    /**
     * Stops whatever the estimator runs in the background (threads, native calls in progress) and
     * releases what it holds; called once when its run ends. The default has nothing to stop.
     */
    @Override
    default void close() {
    }
}
