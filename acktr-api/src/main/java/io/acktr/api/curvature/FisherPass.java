package io.acktr.api.curvature;

import io.acktr.api.plugin.ExtensionPoint;

/**
 * The Fisher pass of one update, not yet run: a backward pass of {@code log p(y|s)} over the batch,
 * with targets {@code y} already drawn (sampled from the model for the true Fisher, the batch's own
 * for the empirical one). The update hands it to {@link CurvatureEstimator#observe}; the estimator
 * decides when it runs.
 *
 * <p>{@link #run()} reads the policy's current parameters, which the update changes once
 * {@link CurvatureEstimator#precondition} has returned: an estimator calls it at most once, before
 * that (or never, e.g. on an update whose statistics it skips). It may call it from another thread,
 * while the update computes the loss gradient.
 */
@ExtensionPoint
@FunctionalInterface
public interface FisherPass {
    /** Runs the backward pass; costs about one backward pass of the batch. */
    FisherSample run();

    /** A pass that has run already, with this result: for tests and estimators that wrap others. */
    static FisherPass of(FisherSample sample) {
        java.util.Objects.requireNonNull(sample, "sample is null");
        return () -> sample;
    }
}
