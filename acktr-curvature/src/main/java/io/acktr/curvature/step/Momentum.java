package io.acktr.curvature.step;

import io.acktr.api.state.SavedState;
import io.acktr.numerics.Vectors;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Momentum per block, in PyTorch's SGD form: {@code v <- momentum v + (1 - dampening) step}; the
 * parameter change is {@code -v}. With {@code dampening = momentum} the velocity is an exponential
 * average of the steps, so a constant step moves the parameters by exactly that step per update
 * (what the ACKTR reference code does by giving its momentum optimiser the learning rate
 * {@code lr (1 - momentum)}); with {@code dampening = 0} it is heavy-ball momentum, whose steady
 * step is {@code 1 / (1 - momentum)} times larger.
 */
final class Momentum {
    private final double momentum;
    private final double dampening;
    private final Map<String, INDArray> negatedVelocity = new LinkedHashMap<>();

    Momentum(double momentum, double dampening) {
        this.momentum = momentum;
        this.dampening = dampening;
    }

    /** The parameter changes {@code -v_b} after folding {@code scale * direction_b} into each velocity. */
    Map<String, INDArray> apply(Map<String, INDArray> direction, double scale) {
        Map<String, Double> scales = new LinkedHashMap<>();
        direction.keySet().forEach(block -> scales.put(block, scale));
        return apply(direction, scales);
    }

    /**
     * As {@link #apply(Map, double)} with a scale per block. The returned arrays are this object's
     * state (the negated velocities, updated in place by the next call): read them, do not modify them.
     */
    Map<String, INDArray> apply(Map<String, INDArray> direction, Map<String, Double> scales) {
        Map<String, INDArray> delta = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> e : direction.entrySet()) {
            double scale = scales.get(e.getKey());
            INDArray negated = negatedVelocity.get(e.getKey());
            if (negated == null || momentum == 0) {
                // without momentum the last update's array is written over (when it fits) rather than allocated
                negated = Vectors.scaled(-scale, e.getValue(), negated);
            } else {
                // -v <- momentum (-v) - (1 - dampening) scale direction, two level-1 calls
                Vectors.scale(momentum, negated);
                Vectors.axpy(-(1 - dampening) * scale, e.getValue(), negated);
            }
            negatedVelocity.put(e.getKey(), negated);
            delta.put(e.getKey(), negated);
        }
        return delta;
    }

    /** The velocities (copies), by block. */
    SavedState save() {
        return SavedState.empty().withCopies("velocity/", negatedVelocity);
    }

    void restore(SavedState state) {
        negatedVelocity.clear();
        negatedVelocity.putAll(state.copiesUnder("velocity/"));
    }
}
