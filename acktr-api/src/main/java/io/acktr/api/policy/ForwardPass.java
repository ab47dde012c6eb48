package io.acktr.api.policy;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The result of {@link Policy#forward}: the outputs, plus whatever the policy cached to run
 * {@link Policy#backward} on the same batch. Immutable once returned.
 */
public interface ForwardPass {
    int batchSize();

    ActionDistribution distribution();

    /** State values {@code V(s_i)}, {@code N x 1}. */
    INDArray values();
}
