package io.acktr.api.policy;

import io.acktr.api.plugin.ExtensionPoint;
import io.acktr.api.env.Space;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
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
@ExtensionPoint
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

    /**
     * {@link #backward}, also handing each parameter block's gradient to {@code gradientReady} as
     * soon as it is final: a policy that computes its layers' gradients top layer first tells each
     * one while the pass goes on below it, so a curvature estimator can start preconditioning it
     * (see {@link io.acktr.api.curvature.GradientBlockListener#gradientReady}). Every block is told
     * exactly once, before this returns, with the array the returned {@link BackwardPass} holds;
     * neither side changes it afterwards. By default all blocks are told once the pass is done.
     */
    default BackwardPass backward(ForwardPass pass, INDArray distributionGradient, INDArray valueGradient,
                                  BiConsumer<String, INDArray> gradientReady) {
        BackwardPass full = backward(pass, distributionGradient, valueGradient);
        full.gradients().forEach(gradientReady);
        return full;
    }

    /**
     * The gradients of {@link #backward(ForwardPass, INDArray, INDArray, BiConsumer)}, each told to
     * {@code gradientReady} the same way, without the layer statistics: the update's own gradient
     * pass, which no curvature estimator reads. A policy can skip what only the statistics need (a
     * convolution's patch matrix); by default this is that backward pass's gradients.
     */
    default Map<String, INDArray> gradients(ForwardPass pass, INDArray distributionGradient, INDArray valueGradient,
                                            BiConsumer<String, INDArray> gradientReady) {
        return backward(pass, distributionGradient, valueGradient, gradientReady).gradients();
    }

    /**
     * What a curvature estimator observes of a backward pass: its layer statistics and per-sample
     * gradients, with an empty map of parameter gradients. A policy can skip the weight-gradient
     * products then (one per layer); by default this is {@link #backward} without its gradients.
     */
    default BackwardPass backwardStatistics(ForwardPass pass, INDArray distributionGradient, INDArray valueGradient) {
        BackwardPass full = backward(pass, distributionGradient, valueGradient);
        return new BackwardPass(java.util.Map.of(), full.layers(), full.perSampleGradients());
    }

    /** Total number of scalar parameters. */
    default long parameterCount() {
        return parameters().stream().mapToLong(ParameterBlock::size).sum();
    }
}
