package io.acktr.curvature.cg;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Vector arithmetic on parameter-space vectors kept as one double tensor per block. */
final class BlockVectors {
    private BlockVectors() {
    }

    static Map<String, INDArray> toDouble(Map<String, INDArray> v) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        v.forEach((name, block) -> out.put(name, block.castTo(DataType.DOUBLE).dup()));
        return out;
    }

    static Map<String, INDArray> zerosLike(Map<String, INDArray> v) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        v.forEach((name, block) -> out.put(name, block.castTo(DataType.DOUBLE).mul(0.0)));
        return out;
    }

    /** {@code sum_b <x_b, y_b>} over the blocks of {@code x}. */
    static double dot(Map<String, INDArray> x, Map<String, INDArray> y) {
        double sum = 0;
        for (Map.Entry<String, INDArray> e : x.entrySet()) {
            sum += e.getValue().mul(y.get(e.getKey()).castTo(DataType.DOUBLE)).sumNumber().doubleValue();
        }
        return sum;
    }

    /** {@code y <- y + alpha x}, in place. */
    static void axpy(double alpha, Map<String, INDArray> x, Map<String, INDArray> y) {
        y.forEach((name, block) -> block.addi(x.get(name).castTo(DataType.DOUBLE).mul(alpha)));
    }

    /** {@code y <- x + beta y}, in place. */
    static void xpby(Map<String, INDArray> x, double beta, Map<String, INDArray> y) {
        y.forEach((name, block) -> block.muli(beta).addi(x.get(name).castTo(DataType.DOUBLE)));
    }

    /** The blocks of {@code v} cast back to the data types and shapes of {@code like}. */
    static Map<String, INDArray> like(Map<String, INDArray> v, Map<String, INDArray> like) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        like.forEach((name, block) -> out.put(name, v.get(name).castTo(block.dataType()).reshape(block.shape())));
        return out;
    }
}
