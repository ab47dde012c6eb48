package io.acktr.api.policy;

import static java.util.Objects.requireNonNull;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The directional derivative {@code J v} of a policy's outputs along a parameter direction
 * {@code v} (forward mode), per sample.
 *
 * @param distribution {@code N x parameterWidth}, the change of each sample's distribution parameters
 * @param values {@code N x 1}, the change of each state value
 */
public record OutputTangent(INDArray distribution, INDArray values) {
    public OutputTangent {
        requireNonNull(distribution, "distribution is null");
        requireNonNull(values, "values is null");
    }
}
