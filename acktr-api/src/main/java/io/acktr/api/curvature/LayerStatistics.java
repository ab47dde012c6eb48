package io.acktr.api.curvature;

/** What a curvature estimator needs from one layer of one backward pass. */
public interface LayerStatistics {
    /** The parameter block this layer owns (see {@link io.acktr.api.policy.ParameterBlock}). */
    String parameterName();

    int batchSize();
}
