package io.acktr.curvature.diagonal;

import io.acktr.api.state.SavedState;
import io.acktr.api.state.Stateful;
import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.CurvatureEstimator;
import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.CurvatureRequirements;
import io.acktr.api.curvature.FisherPass;
import io.acktr.api.curvature.FisherSample;
import io.acktr.api.curvature.FisherTargets;
import io.acktr.api.curvature.Gradient;
import io.acktr.api.curvature.LayerStatistics;
import io.acktr.curvature.stats.KroneckerLayer;
import io.acktr.curvature.stats.RunningDiagonal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The diagonal Fisher {@code F ~= diag(E[(grad log p)^2])}, kept as a running average in double
 * precision. For a dense layer the per-sample gradients are {@code g_i abar_i^T}, so the mean of
 * their squares is {@code (g o g)^T (abar o abar) / N}: one matrix product, no per-sample loop; for a
 * convolution the per-sample gradients {@code sum_t g_t abar_t^T} come from one batched product.
 */
public final class DiagonalCurvatureEstimator implements CurvatureEstimator, Stateful {
    public static final String NAME = "diagonal";

    private final DiagonalSettings settings;
    private final RunningDiagonal diagonals = new RunningDiagonal(NAME);

    public DiagonalCurvatureEstimator(DiagonalSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CurvatureRequirements requirements() {
        return CurvatureRequirements.statistics(FisherTargets.SAMPLED);
    }

    @Override
    public void observe(FisherPass pass) {
        FisherSample sample = pass.run();
        for (LayerStatistics layer : sample.layers()) {
            KroneckerLayer kronecker = KroneckerLayer.of(layer, NAME);
            diagonals.fold(kronecker.name(), kronecker.meanSquaredGradient(), settings.statsDecay());
        }
        sample.perSampleGradients().forEach((block, perSample) -> diagonals.foldPerSample(block, perSample, settings.statsDecay()));
    }

    @Override
    public Direction precondition(Gradient gradient) {
        Map<String, INDArray> blocks = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> e : gradient.blocks().entrySet()) {
            if (!diagonals.has(e.getKey())) {
                throw new IllegalStateException("diagonal has no curvature statistics for parameter block " + e.getKey()
                        + "; blocks with statistics: " + String.join(", ", diagonals.blocks()));
            }
            blocks.put(e.getKey(), diagonals.precondition(e.getKey(), e.getValue(), settings.damping()));
        }
        return Direction.blockDiagonal(gradient, blocks);
    }

    /** The running diagonal of a block, for tests and diagnostics. */
    public INDArray diagonal(String block) {
        return diagonals.get(block);
    }

    /** The running diagonals {@code E[g^2]}, by block. */
    @Override
    public SavedState saveState() {
        return SavedState.prefixed("diagonals/", diagonals.save());
    }

    @Override
    public void restoreState(SavedState state) {
        diagonals.restore(state.part("diagonals/"));
    }
}
