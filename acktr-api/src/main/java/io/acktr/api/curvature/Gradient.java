package io.acktr.api.curvature;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The gradient of the loss, one tensor per parameter block, in the policy's block order. */
public record Gradient(Map<String, INDArray> blocks) {
    public Gradient {
        blocks = Collections.unmodifiableMap(new LinkedHashMap<>(blocks));
    }

    /** {@code sum_b <this_b, other_b>} over the blocks of this gradient. */
    public double dot(Map<String, INDArray> other) {
        double sum = 0;
        for (Map.Entry<String, INDArray> e : blocks.entrySet()) {
            INDArray o = other.get(e.getKey());
            if (o == null) {
                throw new IllegalArgumentException("no block named " + e.getKey());
            }
            sum += e.getValue().castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)
                    .mul(o.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)).sumNumber().doubleValue();
        }
        return sum;
    }
}
