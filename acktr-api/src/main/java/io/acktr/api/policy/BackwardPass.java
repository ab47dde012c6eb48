package io.acktr.api.policy;

import io.acktr.api.curvature.LayerStatistics;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The result of {@link Policy#backward}.
 *
 * @param gradients gradient of the back-propagated objective per parameter block, summed over the batch,
 *     same shapes as {@link Policy#parameters()}
 * @param layers per-layer inputs and pre-activation gradients, per sample, for curvature estimators
 * @param perSampleGradients per-sample gradients ({@code N x size}) of the blocks that no entry of
 *     {@code layers} covers (e.g. a Gaussian's state-independent log-std)
 */
public record BackwardPass(Map<String, INDArray> gradients, List<LayerStatistics> layers,
                           Map<String, INDArray> perSampleGradients) {
    public BackwardPass {
        gradients = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(gradients));
        layers = List.copyOf(layers);
        perSampleGradients = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(perSampleGradients));
    }
}
