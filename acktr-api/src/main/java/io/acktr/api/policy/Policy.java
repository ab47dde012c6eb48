package io.acktr.api.policy;

import io.acktr.api.env.Space;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An actor-critic network: observations in, an {@link ActionDistribution} and state values out.
 *
 * <pre>{@code
 * ForwardPass pass = policy.forward(observations);            // N x obsSize
 * INDArray dParams = ...;  INDArray dValues = ...;             // dObjective/dOutputs per sample
 * BackwardPass grads = policy.backward(pass, dParams, dValues);
 * }</pre>
 *
 * Parameters are live: a step rule adds its update to {@link ParameterBlock#value()} in place.
 */
public interface Policy {
    Space observationSpace();

    Space actionSpace();

    /** The parameter blocks, in a fixed order, each with a unique name. */
    List<ParameterBlock> parameters();

    ForwardPass forward(INDArray observations);

    /**
     * Back-propagates per-sample output gradients through the network that produced {@code pass}.
     *
     * @param distributionGradient {@code N x parameterWidth}, gradient of the objective with
     *     respect to each sample's distribution parameters
     * @param valueGradient {@code N x 1}, gradient of the objective with respect to each value
     */
    BackwardPass backward(ForwardPass pass, INDArray distributionGradient, INDArray valueGradient);

    /** Total number of scalar parameters. */
    default long parameterCount() {
        return parameters().stream().mapToLong(ParameterBlock::size).sum();
    }
}
