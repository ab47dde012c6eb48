package io.acktr.api.policy;

import static java.util.Objects.requireNonNull;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A named, live parameter tensor of a policy. Dense layers are {@code d_out x (d_in + 1)}
 * matrices whose last column is the bias (the input is extended by a constant 1).
 */
public record ParameterBlock(String name, INDArray value) {
    public ParameterBlock {
        requireNonNull(name, "name is null");
        requireNonNull(value, "value is null");
    }

    public long size() {
        return value.length();
    }
}
