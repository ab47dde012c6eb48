package io.acktr.api.curvature;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The exact Fisher of one batch applied to a parameter-space vector without forming it:
 * {@code F v = (1/N) sum_i J_i^T H_i J_i v}, with {@code J_i} the Jacobian of sample {@code i}'s
 * outputs and {@code H_i} the Fisher of its output distribution (Gauss-Newton for the critic).
 * Vectors are maps from parameter block name to a tensor of the block's shape.
 */
@FunctionalInterface
public interface FisherVectorProduct {
    Map<String, INDArray> apply(Map<String, INDArray> vector);
}
