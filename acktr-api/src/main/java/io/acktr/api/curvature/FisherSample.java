package io.acktr.api.curvature;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The statistics of one Fisher pass: a backward pass of {@code log p(y|s)} with targets
 * {@code y} sampled from the model itself (or taken from the data, for the empirical Fisher).
 * Gradients are per sample and not averaged: {@code E[g g^T] = g^T g / N}.
 *
 * @param layers per-layer statistics of the layers with Kronecker structure
 * @param perSampleGradients {@code N x size} gradients of the remaining blocks
 * @param fisherVectorProduct the batch's exact Fisher-vector product, present when the estimator
 *     asked for it in its {@link CurvatureRequirements#fisherVectorProducts() requirements}
 */
public record FisherSample(List<LayerStatistics> layers, Map<String, INDArray> perSampleGradients, int batchSize,
                           FisherVectorProduct fisherVectorProduct) {
    private static final FisherVectorProduct NONE = v -> {
        throw new IllegalStateException("this Fisher sample carries no Fisher-vector products; an estimator that"
                + " needs them must say so in CurvatureEstimator.requirements()");
    };

    /** A sample without Fisher-vector products. */
    public FisherSample(List<LayerStatistics> layers, Map<String, INDArray> perSampleGradients, int batchSize) {
        this(layers, perSampleGradients, batchSize, NONE);
    }

    public FisherSample {
        java.util.Objects.requireNonNull(fisherVectorProduct, "fisherVectorProduct is null");
        layers = List.copyOf(layers);
        perSampleGradients = Collections.unmodifiableMap(new LinkedHashMap<>(perSampleGradients));
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
    }
}
