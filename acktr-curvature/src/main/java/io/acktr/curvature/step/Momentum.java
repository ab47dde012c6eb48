package io.acktr.curvature.step;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Heavy-ball velocity per block: {@code v <- momentum v + step}; the parameter change is {@code -v}. */
final class Momentum {
    private final double momentum;
    private final Map<String, INDArray> velocity = new LinkedHashMap<>();

    Momentum(double momentum) {
        this.momentum = momentum;
    }

    /** The parameter changes {@code -v_b} after adding {@code scale * direction_b} to each velocity. */
    Map<String, INDArray> apply(Map<String, INDArray> direction, double scale) {
        Map<String, INDArray> delta = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> e : direction.entrySet()) {
            INDArray step = e.getValue().mul(scale);
            INDArray v = velocity.get(e.getKey());
            if (v == null || momentum == 0) {
                v = step;
            } else {
                v.muli(momentum).addi(step);
            }
            velocity.put(e.getKey(), v);
            delta.put(e.getKey(), v.neg());
        }
        return delta;
    }
}
