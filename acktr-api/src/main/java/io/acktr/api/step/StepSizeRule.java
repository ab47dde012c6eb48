package io.acktr.api.step;

import io.acktr.api.plugin.ExtensionPoint;

/**
 * Turns a preconditioned direction into a parameter change, e.g. the ACKTR trust region
 * {@code eta = min(eta_max, sqrt(2 delta / Delta^T F_hat Delta))}. Keeps its own state (momentum,
 * second moments) for one training run.
 *
 * <p>The contract of {@link #propose}: the returned {@link StepProposal#delta()} is added to the
 * parameters ({@code theta <- theta + delta}), so a descent step is {@code delta = -eta Delta}
 * (blocks missing from the map do not move); {@link StepProposal#stepSize()} is the effective
 * {@code eta}; {@link StepProposal#predictedKl()} is {@code 0.5 eta^2 Delta^T F_hat Delta}, the
 * KL the quadratic model predicts (0 when the rule does not predict one). A rule that wants to
 * hear how each step went implements {@link StepFeedbackListener} too.
 */
@ExtensionPoint
public interface StepSizeRule {
    String name();

    /**
     * Whether this rule (then a {@link StepFeedbackListener}) must hear every step's measured
     * outcome; asked once, when the run starts. Measuring costs a second forward pass of the batch.
     */
    default boolean needsFeedbackEveryUpdate() {
        return false;
    }

    /**
     * Whether this rule needs the exact Fisher of each batch ({@link StepRequest#fisher()}); asked
     * once, when the run starts. The policy must then have a forward mode, and each product costs a
     * forward-mode and a backward pass.
     */
    default boolean needsFisherVectorProducts() {
        return false;
    }

    StepProposal propose(StepRequest request);
}
