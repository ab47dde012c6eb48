package io.acktr.api.curvature;

import io.acktr.api.numerics.Vectors;
import io.acktr.api.policy.ParameterBlock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The gradient of the loss, one tensor per parameter block, in the policy's block order, with
 * each block's {@link ParameterBlock#group() group} (blocks not in {@code groups} are in
 * {@value ParameterBlock#DEFAULT_GROUP}).
 */
public record Gradient(Map<String, INDArray> blocks, Map<String, String> groups) {
    public Gradient {
        blocks = Collections.unmodifiableMap(new LinkedHashMap<>(blocks));
        groups = Map.copyOf(groups);
    }

    public Gradient(Map<String, INDArray> blocks) {
        this(blocks, Map.of());
    }

    public String group(String block) {
        return groups.getOrDefault(block, ParameterBlock.DEFAULT_GROUP);
    }

    /** {@code sum_b <this_b, other_b>} over the blocks of this gradient. */
    public double dot(Map<String, INDArray> other) {
        double sum = 0;
        for (String block : blocks.keySet()) {
            sum += dot(block, other);
        }
        return sum;
    }

    /** {@code <this_b, other_b>} for one block. */
    public double dot(String block, Map<String, INDArray> other) {
        INDArray o = other.get(block);
        if (o == null) {
            throw new IllegalArgumentException("no block named " + block);
        }
        return Vectors.dot(blocks.get(block), o);
    }
}
