package io.acktr.curvature.step;

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
    private final Map<String, INDArray> velocity = new LinkedHashMap<>();

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

    /** As {@link #apply(Map, double)} with a scale per block. */
    Map<String, INDArray> apply(Map<String, INDArray> direction, Map<String, Double> scales) {
        Map<String, INDArray> delta = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> e : direction.entrySet()) {
            INDArray step = e.getValue().mul(scales.get(e.getKey()));
            INDArray v = velocity.get(e.getKey());
            if (v == null || momentum == 0) {
                v = step;
            } else {
                v.muli(momentum).addi(step.muli(1 - dampening));
            }
            velocity.put(e.getKey(), v);
            delta.put(e.getKey(), v.neg());
        }
        return delta;
    }
}
