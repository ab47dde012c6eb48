package io.acktr.runtime.algorithm;

import static java.util.Objects.requireNonNull;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One batch of {@code N = E * n} transitions ready for an update.
 *
 * @param observations {@code N x observationSize}
 * @param actions {@code N x actionWidth}
 * @param advantages {@code N x 1}, {@code A_t}
 * @param returns {@code N x 1}, {@code R_t = A_t + V(s_t)}
 */
public record Batch(INDArray observations, INDArray actions, INDArray advantages, INDArray returns) {
    public Batch {
        requireNonNull(observations, "observations is null");
        requireNonNull(actions, "actions is null");
        requireNonNull(advantages, "advantages is null");
        requireNonNull(returns, "returns is null");
    }

    public int size() {
        return (int) observations.rows();
    }
}
