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
}
