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
        if (!Double.isFinite(quadraticForm)) {
            return false;
        }
        for (INDArray b : blocks.values()) {
            if (b.isNaN().any() || b.isInfinite().any()) {
                return false;
            }
        }
        return true;
    }
}
