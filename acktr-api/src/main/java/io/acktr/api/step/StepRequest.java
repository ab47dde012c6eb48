package io.acktr.api.step;

import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.FisherVectorProduct;
import io.acktr.api.curvature.Gradient;
import java.util.Optional;

/**
 * What a {@link StepSizeRule} gets to choose one update's step from.
 *
 * @param direction the preconditioned direction {@code Delta = F_hat^{-1} grad}; a descent step
 *     subtracts it
 * @param gradient the loss gradient it came from
 * @param progress the fraction of the run's step budget spent before this update, in {@code [0, 1]},
 *     for schedules
 * @param evaluator tries a candidate step on the batch and undoes it (a forward pass per call), for
 *     rules that search along the direction; others ignore it
 * @param fisher the exact Fisher of this batch as products {@code F v} (one forward-mode and one
 *     backward pass each), present when the rule asked for it with
 *     {@link StepSizeRule#needsFisherVectorProducts()}
 */
public record StepRequest(Direction direction, Gradient gradient, double progress, StepEvaluator evaluator,
                          Optional<FisherVectorProduct> fisher) {
    public StepRequest {
        requireNonNull(direction, "direction is null");
        requireNonNull(gradient, "gradient is null");
        requireNonNull(evaluator, "evaluator is null");
        requireNonNull(fisher, "fisher is null");
        if (!(progress >= 0 && progress <= 1)) {
            throw new IllegalArgumentException("progress must be in [0, 1], got " + progress);
        }
    }

    /** A request without the exact Fisher (rules that do not ask for it). */
    public StepRequest(Direction direction, Gradient gradient, double progress, StepEvaluator evaluator) {
        this(direction, gradient, progress, evaluator, Optional.empty());
    }
}
