package io.acktr.curvature.explicit;

import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.CurvatureEstimator;
import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.CurvatureRequirements;
import io.acktr.api.curvature.FisherPass;
import io.acktr.api.curvature.FisherSample;
import io.acktr.api.curvature.FisherTargets;
import io.acktr.api.curvature.Gradient;
import io.acktr.api.curvature.LayerStatistics;
import io.acktr.curvature.linalg.SymmetricEigen;
import io.acktr.curvature.stats.KroneckerLayer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The full {@code P x P} Fisher {@code F = S^T S / N} of the latest Fisher pass, where row
 * {@code i} of {@code S} is sample {@code i}'s gradient over every block, and the direction
 * {@code (F + lambda I)^{-1} grad}. For tiny networks, tests and diagnostics only: it refuses
 * networks above {@code max-parameters}.
 */
public final class ExplicitFisherEstimator implements CurvatureEstimator {
    public static final String NAME = "explicit";

    private final ExplicitFisherSettings settings;
    private List<String> order = List.of();
    private Map<String, Integer> sizes = Map.of();
    private INDArray fisher;

    public ExplicitFisherEstimator(ExplicitFisherSettings settings) {
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
        List<String> names = new ArrayList<>();
        Map<String, Integer> blockSizes = new LinkedHashMap<>();
        List<INDArray> columns = new ArrayList<>();
        for (LayerStatistics layer : sample.layers()) {
            KroneckerLayer kronecker = KroneckerLayer.of(layer, NAME);
            INDArray perSample = kronecker.perSampleRows();
            names.add(kronecker.name());
            blockSizes.put(kronecker.name(), (int) perSample.columns());
            columns.add(perSample);
        }
        for (Map.Entry<String, INDArray> e : sample.perSampleGradients().entrySet()) {
            names.add(e.getKey());
            blockSizes.put(e.getKey(), (int) e.getValue().columns());
            columns.add(e.getValue().castTo(DataType.DOUBLE));
        }
        int parameters = blockSizes.values().stream().mapToInt(Integer::intValue).sum();
        if (parameters > settings.maxParameters()) {
            throw new IllegalArgumentException("the explicit Fisher needs a " + parameters + " x " + parameters
                    + " matrix; this network has more than " + ExplicitFisherSettings.PREFIX + ".max-parameters = "
                    + settings.maxParameters() + " parameters (use kfac, diagonal or identity)");
        }
        INDArray s = Nd4j.hstack(columns.toArray(INDArray[]::new));
        fisher = s.transpose().mmul(s).divi(s.rows());
        order = List.copyOf(names);
        sizes = Map.copyOf(blockSizes);
    }

    /** The latest explicit Fisher, blocks in the order the Fisher pass listed them. */
    public INDArray fisher() {
        return fisher.dup();
    }

    @Override
    public Direction precondition(Gradient gradient) {
        if (fisher == null) {
            throw new IllegalStateException("explicit has no Fisher yet: observe() must come first");
        }
        List<INDArray> flat = new ArrayList<>();
        for (String block : order) {
            INDArray g = gradient.blocks().get(block);
            if (g == null) {
                throw new IllegalArgumentException("the gradient has no block " + block);
            }
            flat.add(g.castTo(DataType.DOUBLE).reshape('c', 1, sizes.get(block)));
        }
        // (F + lambda I)^{-1} v = Q diag(1 / (d + lambda)) Q^T v, F symmetric positive semi-definite
        SymmetricEigen eigen = SymmetricEigen.of(fisher, 0);
        INDArray v = Nd4j.hstack(flat.toArray(INDArray[]::new)).transpose();
        INDArray solution = eigen.vectors().mmul(eigen.vectors().transpose().mmul(v).divi(eigen.values().add(settings.damping())));
        Map<String, INDArray> blocks = new LinkedHashMap<>();
        int offset = 0;
        for (String block : order) {
            INDArray original = gradient.blocks().get(block);
            int size = sizes.get(block);
            INDArray part = solution.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(offset, offset + size),
                    org.nd4j.linalg.indexing.NDArrayIndex.all()).dup('c');
            blocks.put(block, part.reshape('c', original.shape()).castTo(original.dataType()));
            offset += size;
        }
        for (String block : gradient.blocks().keySet()) {
            if (!blocks.containsKey(block)) {
                throw new IllegalStateException("explicit has no curvature statistics for parameter block " + block);
            }
        }
        return new Direction(blocks, gradient.dot(blocks));
    }
}
