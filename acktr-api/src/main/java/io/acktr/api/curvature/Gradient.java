package io.acktr.api.curvature;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The gradient of the loss, one tensor per parameter block, in the policy's block order, with
 * each block's group ({@code io.acktr.api.policy.ParameterBlock#group()}; blocks not in
 * {@code groups} are in {@value #DEFAULT_GROUP}).
 */
public record Gradient(Map<String, INDArray> blocks, Map<String, String> groups) {
    /** The group of a block that names none: every block of a network with one group. */
    public static final String DEFAULT_GROUP = "all";

    public Gradient {
        blocks = Collections.unmodifiableMap(new LinkedHashMap<>(blocks));
        groups = Map.copyOf(groups);
    }

    public Gradient(Map<String, INDArray> blocks) {
        this(blocks, Map.of());
    }

    public String group(String block) {
        return groups.getOrDefault(block, DEFAULT_GROUP);
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
        INDArray b = blocks.get(block);
        if (b.length() != o.length()) {
            throw new IllegalArgumentException("block " + block + " has " + b.length() + " entries, the other " + o.length());
        }
        if (b.dataType() == o.dataType() && b.ordering() == o.ordering() && Arrays.equals(b.shape(), o.shape())
                && isWholeBuffer(b) && isWholeBuffer(o)) {
            return Nd4j.getBlasWrapper().level1().dot(b.length(), 1.0, b, o);
        }
        return b.castTo(DataType.DOUBLE).reshape(b.length()).mul(o.castTo(DataType.DOUBLE).reshape(o.length()))
                .sumNumber().doubleValue();
    }

    /** Whether BLAS may read the array's buffer as the array: float or double, no offset, no gaps. */
    private static boolean isWholeBuffer(INDArray x) {
        return x.length() > 0 && x.offset() == 0 && x.data().length() == x.length() && Shape.hasDefaultStridesForShape(x)
                && (x.dataType() == DataType.FLOAT || x.dataType() == DataType.DOUBLE);
    }
}
