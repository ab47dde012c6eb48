package io.acktr.api.curvature;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A preconditioned direction {@code Delta = F_hat^{-1} grad} (a descent step subtracts it) and
 * the quadratic form {@code Delta^T F_hat Delta} that step-size rules use to predict the KL of a
 * step: {@code KL(eta) ~= 0.5 eta^2 quadraticForm}.
 */
public record Direction(Map<String, INDArray> blocks, double quadraticForm, Map<String, Double> blockQuadraticForms) {
    /**
     * @param blockQuadraticForms each block's share {@code Delta_b^T grad_b} of the quadratic form, where
     *     the estimator's approximation is block-diagonal (empty when it is not, e.g. the exact Fisher)
     */
    public Direction {
        blocks = Collections.unmodifiableMap(new LinkedHashMap<>(blocks));
        blockQuadraticForms = Collections.unmodifiableMap(new LinkedHashMap<>(blockQuadraticForms));
    }

    public Direction(Map<String, INDArray> blocks, double quadraticForm) {
        this(blocks, quadraticForm, Map.of());
    }

    /**
     * The direction of a block-diagonal preconditioner, {@code Delta_b = F_b^{-1} grad_b}, whose
     * quadratic form is {@code sum_b Delta_b^T grad_b}, kept per block.
     */
    public static Direction blockDiagonal(Gradient gradient, Map<String, INDArray> blocks) {
        Map<String, Double> perBlock = new LinkedHashMap<>();
        double total = 0;
        for (String block : gradient.blocks().keySet()) {
            double q = gradient.dot(block, blocks);
            perBlock.put(block, q);
            total += q;
        }
        return new Direction(blocks, total, perBlock);
    }

    /** Whether every entry and the quadratic form are finite. */
    public boolean isFinite() {
        return Double.isFinite(quadraticForm) && firstNonFiniteBlock().isEmpty();
    }

    /** The first block holding a NaN or an infinity, if any. */
    public java.util.Optional<String> firstNonFiniteBlock() {
        for (Map.Entry<String, INDArray> b : blocks.entrySet()) {
            if (!Double.isFinite(b.getValue().sumNumber().doubleValue())) {
                return java.util.Optional.of(b.getKey());
            }
        }
        return java.util.Optional.empty();
    }
}
