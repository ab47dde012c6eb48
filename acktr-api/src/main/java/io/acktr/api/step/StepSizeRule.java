package io.acktr.api.step;

import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.Gradient;

/**
 * Turns a preconditioned direction into a parameter change, e.g. the ACKTR trust region
 * {@code eta = min(eta_max, sqrt(2 delta / Delta^T F_hat Delta))}. Keeps its own state
 * (momentum, second moments) for one training run.
 */
public interface StepSizeRule {
    String name();

    StepProposal propose(Direction direction, Gradient gradient);

    /**
     * As {@link #propose(Direction, Gradient)}, with a way to try candidate steps on the batch; rules
     * that search along the direction (TRPO's backtracking line search) override this one.
     */
    default StepProposal propose(Direction direction, Gradient gradient, StepEvaluator evaluator) {
        return propose(direction, gradient);
    }

    /**
     * Called before each proposal with the fraction of the run's step budget already spent, in
     * {@code [0, 1]}, for rules with schedules.
     */
    default void observeProgress(double fraction) {
    }

    /**
     * Called after the proposal was applied with the exact KL of the model's output distribution
     * (the joint {@code p(a, v | s)}) between before and after the step, averaged over the batch,
     * so that a rule can compare it with its prediction.
     */
    default void observeMeasuredKl(double measuredKl) {
    }

    /**
     * Whether {@link #observeMeasuredKl} must follow every step (rules that adapt to it): measuring
     * it costs the trainer a second forward pass of the batch, which it otherwise makes only every
     * {@code acktr.algorithm.measure-step-interval} updates.
     */
    default boolean needsMeasuredKl() {
        return false;
    }
}
