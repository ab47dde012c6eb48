package io.acktr.api.curvature;

import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Approximates the Fisher information {@code F} of the policy's output distribution and
 * preconditions gradients with it. Used once per update, in this order:
 *
 * <pre>{@code
 * estimator.observe(fisherSample);                 // statistics of this batch's sampled-target pass
 * Direction d = estimator.precondition(gradient);  // F_hat^{-1} grad and Delta^T F_hat Delta
 * }</pre>
 *
 * or, letting the estimator choose when the sampled-target pass runs,
 * {@code estimator.observeDeferred(() -> fisherSample)} in place of {@code observe}.
 *
 * An estimator keeps its own state (running averages, cached inverses) for one training run and
 * is not shared between runs.
 */
public interface CurvatureEstimator {
    String name();

    /**
     * Whether this estimator reads {@link #observe} samples; when false the trainer skips the
     * sampled-target backward pass.
     */
    default boolean needsFisherSample() {
        return true;
    }

    /**
     * Whether this estimator calls {@link FisherSample#fisherVectorProduct()}; the policy must then
     * support {@link io.acktr.api.policy.Policy#outputTangent forward mode}.
     */
    default boolean needsFisherVectorProducts() {
        return false;
    }

    /** Where the targets of the Fisher pass come from; the true Fisher samples them. */
    default FisherTargets fisherTargets() {
        return FisherTargets.SAMPLED;
    }

    void observe(FisherSample sample);

    /**
     * Observes a Fisher pass that has not run yet: {@code pass} runs it when called. It reads the
     * policy's current parameters, which the trainer changes once {@link #precondition} has
     * returned, so the estimator must have called it by then (if it calls it at all: an estimator
     * that skips this batch's statistics never does); it may call it on another thread in the
     * meantime, while the trainer computes the loss gradient. {@code pass} must be safe to call
     * from another thread (its random targets drawn beforehand). The default calls it at once.
     */
    default void observeDeferred(Supplier<FisherSample> pass) {
        observe(pass.get());
    }

    /**
     * An early look at one block of the gradient that the next {@link #precondition} call receives,
     * told by the trainer while its backward pass is still computing the blocks below: an estimator
     * may start on this block then, on a free core. The array is final. The default ignores it.
     */
    default void gradientReady(String block, INDArray gradient) {
    }

    Direction precondition(Gradient gradient);

    /**
     * Called after a step was applied with what it did to the loss, for estimators that adapt
     * their damping (Levenberg-Marquardt), on every update when {@link #needsStepOutcome()}.
     */
    default void observeStepOutcome(StepOutcome outcome) {
    }

    /**
     * Whether {@link #observeStepOutcome} must follow every step: measuring it costs the trainer a
     * second forward pass of the batch, which it otherwise makes only every
     * {@code acktr.algorithm.measure-step-interval} updates.
     */
    default boolean needsStepOutcome() {
        return false;
    }
}
