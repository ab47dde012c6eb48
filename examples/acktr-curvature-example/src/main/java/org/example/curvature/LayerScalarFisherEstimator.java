package org.example.curvature;

import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.ConvLayerStatistics;
import io.acktr.api.curvature.CurvatureEstimator;
import io.acktr.api.curvature.CurvatureRequirements;
import io.acktr.api.curvature.DenseLayerStatistics;
import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.FisherPass;
import io.acktr.api.curvature.FisherSample;
import io.acktr.api.curvature.Gradient;
import io.acktr.api.curvature.LayerStatistics;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A block-diagonal Fisher whose blocks are multiples of the identity: {@code F_b ~= s_b I} with
 * {@code s_b = tr(F_b) / n_b}, the mean squared entry of the block's per-sample gradients
 * {@code G_i} ({@code n_b} entries each). The direction is {@code Delta_b = grad_b / (s_b + damping)},
 * a per-layer learning rate set by the layer's own curvature, at the cost of a few reductions per
 * layer.
 *
 * <p>{@code tr(F_b) = (1/N) sum_i ||G_i||^2} comes from the Fisher pass without forming a
 * per-sample gradient of a dense layer:
 * <ul>
 *   <li>a dense layer has {@code G_i = g_i abar_i^T}, so {@code ||G_i||^2 = ||g_i||^2 ||abar_i||^2};</li>
 *   <li>a convolution has {@code G_i = sum_t g_t abar_t^T} over its {@code T} locations, formed as one
 *       batched product {@code N x (c_out x T) (T x K)};</li>
 *   <li>a block without Kronecker structure comes with its per-sample gradients, {@code N x n_b}.</li>
 * </ul>
 * Each {@code s_b} is a running average over the updates ({@code stats-decay}), starting at the
 * first batch's value. One estimator serves one run.
 */
public final class LayerScalarFisherEstimator implements CurvatureEstimator {
    public static final String NAME = "layer-scalar";

    private final LayerScalarSettings settings;
    private final Map<String, Double> scalars = new LinkedHashMap<>();

    public LayerScalarFisherEstimator(LayerScalarSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Layer statistics of a Fisher pass, every update; nothing else. */
    @Override
    public CurvatureRequirements requirements() {
        return CurvatureRequirements.statistics(settings.fisher());
    }

    /** Runs the pass at once (on the update's thread) and folds each block's {@code s_b} in. */
    @Override
    public void observe(FisherPass pass) {
        FisherSample sample = pass.run();
        for (LayerStatistics layer : sample.layers()) {
            fold(layer.parameterName(), meanSquaredEntry(layer));
        }
        sample.perSampleGradients().forEach((block, perSample) -> {
            INDArray g = perSample.castTo(DataType.DOUBLE);
            fold(block, g.mul(g).sumNumber().doubleValue() / g.length());
        });
    }

    @Override
    public Direction precondition(Gradient gradient) {
        Map<String, INDArray> blocks = new LinkedHashMap<>();
        gradient.blocks().forEach((block, g) -> {
            Double s = scalars.get(block);
            if (s == null) {
                throw new IllegalStateException(NAME + " has no Fisher statistics for parameter block " + block
                        + "; blocks with statistics: " + String.join(", ", scalars.keySet()));
            }
            blocks.put(block, g.div(s + settings.damping()));
        });
        return Direction.blockDiagonal(gradient, blocks);
    }

    /** The running {@code s_b} of each block seen so far, for tests and diagnostics. */
    public Map<String, Double> scalars() {
        return Collections.unmodifiableMap(scalars);
    }

    private void fold(String block, double batchValue) {
        double decay = settings.statsDecay();
        scalars.merge(block, batchValue, (old, now) -> decay * old + (1 - decay) * now);
    }

    /** {@code (1 / (N n_b)) sum_i ||G_i||^2} of one layer. */
    static double meanSquaredEntry(LayerStatistics layer) {
        if (layer instanceof DenseLayerStatistics dense) {
            INDArray a = dense.activations().castTo(DataType.DOUBLE);
            INDArray g = dense.preActivationGradients().castTo(DataType.DOUBLE);
            double sum = a.mul(a).sum(1).muli(g.mul(g).sum(1)).sumNumber().doubleValue();
            return sum / (dense.batchSize() * a.columns() * g.columns());
        }
        if (layer instanceof ConvLayerStatistics conv) {
            int n = conv.batchSize();
            int t = conv.locations();
            INDArray patches = conv.patches().castTo(DataType.DOUBLE);
            INDArray g = conv.preActivationGradients().castTo(DataType.DOUBLE);
            INDArray perSample = Nd4j.matmul(g.reshape('c', n, t, g.columns()), patches.reshape('c', n, t, patches.columns()),
                    true, false, false);
            return perSample.muli(perSample).sumNumber().doubleValue() / ((double) n * g.columns() * patches.columns());
        }
        throw new IllegalArgumentException(NAME + " cannot read the statistics of layer " + layer.parameterName()
                + " (" + layer.getClass().getName() + "); it reads DenseLayerStatistics and ConvLayerStatistics");
    }
}
