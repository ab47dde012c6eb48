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
public record Direction(Map<String, INDArray> blocks, double quadraticForm) {
    public Direction {
        blocks = Collections.unmodifiableMap(new LinkedHashMap<>(blocks));
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
