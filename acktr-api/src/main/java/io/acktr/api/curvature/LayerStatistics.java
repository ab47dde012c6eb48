package io.acktr.api.curvature;

/** What a curvature estimator needs from one layer of one backward pass. */
public interface LayerStatistics {
    /** The parameter block this layer owns (see {@link io.acktr.api.policy.ParameterBlock}). */
    String parameterName();

    int batchSize();

    /**
     * Keeps the arrays valid past the call that handed the statistics over, until {@link #release}:
     * for a consumer that reads them later (a background thread). The policy may reuse arrays nobody
     * holds once the update that made them is done.
     */
    default void retain() {
    }

    /** Ends one {@link #retain}. */
    default void release() {
    }
}
