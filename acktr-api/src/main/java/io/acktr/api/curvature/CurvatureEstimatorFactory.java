package io.acktr.api.curvature;

/** Creates a fresh {@link CurvatureEstimator} per training run; registered by {@link #name()}. */
public interface CurvatureEstimatorFactory {
    /** The value of {@code acktr.curvature.type} that selects this estimator. */
    String name();

    CurvatureEstimator create();
}
