package io.acktr.api.policy;

import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.Gradient;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A named, live parameter tensor of a policy. Dense layers are {@code d_out x (d_in + 1)}
 * matrices whose last column is the bias (the input is extended by a constant 1).
 *
 * <p>The {@code group} names the network the block belongs to: blocks of two networks whose
 * output distributions are independent (a separate actor and critic) are in different groups,
 * so a step-size rule may give each its own trust region; everything that shares a torso is one
 * group. The default is one group, {@value #DEFAULT_GROUP}, for every block.
 */
public record ParameterBlock(String name, INDArray value, String group) {
    public static final String DEFAULT_GROUP = Gradient.DEFAULT_GROUP;

    public ParameterBlock {
        requireNonNull(name, "name is null");
        requireNonNull(value, "value is null");
        requireNonNull(group, "group is null");
    }

    public ParameterBlock(String name, INDArray value) {
        this(name, value, DEFAULT_GROUP);
    }

    public ParameterBlock inGroup(String newGroup) {
        return new ParameterBlock(name, value, newGroup);
    }

    public long size() {
        return value.length();
    }
}
