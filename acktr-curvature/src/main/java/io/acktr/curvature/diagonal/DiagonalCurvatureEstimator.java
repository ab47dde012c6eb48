package io.acktr.curvature.diagonal;

import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.CurvatureEstimator;
import io.acktr.api.curvature.DenseLayerStatistics;
import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.FisherSample;
import io.acktr.api.curvature.Gradient;
import io.acktr.api.curvature.LayerStatistics;
import io.acktr.curvature.guice.DiagonalSettings;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The diagonal Fisher {@code F ~= diag(E[(grad log p)^2])}, kept as a running average in double
 * precision. For a dense layer the per-sample gradients are {@code g_i abar_i^T}, so the mean of
 * their squares is {@code (g o g)^T (abar o abar) / N}: one matrix product, no per-sample loop.
 */
public final class DiagonalCurvatureEstimator implements CurvatureEstimator {
    public static final String NAME = "diagonal";

    private final DiagonalSettings settings;
    private static final Logger LOG = LoggerFactory.getLogger(DiagonalCurvatureEstimator.class);

    private final Map<String, INDArray> diagonals = new LinkedHashMap<>();
    private final Set<String> warnedBlocks = new HashSet<>();

    public DiagonalCurvatureEstimator(DiagonalSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void observe(FisherSample sample) {
        for (LayerStatistics layer : sample.layers()) {
            if (!(layer instanceof DenseLayerStatistics dense)) {
                throw new IllegalArgumentException("diagonal has no per-sample squares for layer " + layer.parameterName()
                        + " of kind " + layer.getClass().getSimpleName());
            }
            INDArray abar = dense.activations().castTo(DataType.DOUBLE);
            INDArray g = dense.preActivationGradients().castTo(DataType.DOUBLE);
            INDArray squares = g.mul(g).transpose().mmul(abar.mul(abar)).divi(abar.rows());
            accumulate(dense.parameterName(), squares);
        }
        for (Map.Entry<String, INDArray> e : sample.perSampleGradients().entrySet()) {
            INDArray perSample = e.getValue().castTo(DataType.DOUBLE);
            accumulate(e.getKey(), perSample.mul(perSample).mean(true, 0));
        }
    }

    private void accumulate(String block, INDArray batch) {
        if (!Double.isFinite(batch.sumNumber().doubleValue())) {
            if (warnedBlocks.add(block)) {
                LOG.warn("diagonal: the Fisher statistics of {} contain NaN or Inf; that batch was left out"
                        + " (logged once per block)", block);
            }
            return;
        }
        INDArray running = diagonals.get(block);
        if (running == null) {
            diagonals.put(block, batch);
        } else {
            running.muli(settings.statsDecay()).addi(batch.muli(1 - settings.statsDecay()));
        }
    }

    @Override
    public Direction precondition(Gradient gradient) {
        Map<String, INDArray> blocks = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> e : gradient.blocks().entrySet()) {
            INDArray diagonal = diagonals.get(e.getKey());
            if (diagonal == null) {
                throw new IllegalStateException("diagonal has no curvature statistics for parameter block " + e.getKey()
                        + "; blocks with statistics: " + String.join(", ", diagonals.keySet()));
            }
            INDArray grad = e.getValue().castTo(DataType.DOUBLE).reshape(diagonal.shape());
            blocks.put(e.getKey(), grad.div(diagonal.add(settings.damping())).reshape(e.getValue().shape())
                    .castTo(e.getValue().dataType()));
        }
        return new Direction(blocks, gradient.dot(blocks));
    }

    /** The running diagonal of a block, for tests and diagnostics. */
    public INDArray diagonal(String block) {
        return diagonals.get(block).dup();
    }
}
