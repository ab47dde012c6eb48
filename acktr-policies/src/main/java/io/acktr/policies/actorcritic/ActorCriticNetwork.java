package io.acktr.policies.actorcritic;

import io.acktr.api.curvature.LayerStatistics;
import io.acktr.api.policy.ParameterBlock;
import io.acktr.policies.layers.Activation;
import io.acktr.policies.layers.DenseLayer;
import io.acktr.policies.layers.LayerStack;
import io.acktr.policies.layers.PlainDenseStack;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The layers of an actor-critic network: observations in, policy-head output and values out. */
sealed interface ActorCriticNetwork permits SharedTorsoNetwork, SeparateNetworks {
    /** Orthogonal-init gains of the output layers, as in stable-baselines3. */
    double POLICY_OUTPUT_GAIN = 0.01;
    double VALUE_OUTPUT_GAIN = 1.0;

    /** Forward results: {@code policyOutput} ({@code N x P}), {@code values} ({@code N x 1}) and caches. */
    record Outputs(INDArray policyOutput, INDArray values, List<LayerStack.Activations> stacks) {
    }

    /** Gradients of every weight layer, in parameter order. */
    record Gradients(List<LayerStatistics> layers, Map<String, INDArray> weightGradients) {
    }

    /**
     * Forward-mode results: the tangents of {@code policyOutput} ({@code N x P}) and
     * {@code values} ({@code N x 1}).
     */
    record Tangents(INDArray policyOutput, INDArray values) {
        /** Replaces a {@code null} (zero) tangent by zeros shaped like the corresponding output. */
        static Tangents orZeros(INDArray policyOutput, INDArray values, Outputs outputs) {
            return new Tangents(policyOutput == null ? Nd4j.zerosLike(outputs.policyOutput()) : policyOutput,
                    values == null ? Nd4j.zerosLike(outputs.values()) : values);
        }
    }

    /**
     * Initialises, from {@code random} and in this order, a shared torso then {@code pi/out} and
     * {@code vf/out}, or {@code pi/...} with {@code pi/out} then {@code vf/...} with {@code vf/out}.
     */
    static ActorCriticNetwork create(HiddenLayers hiddenLayers, boolean sharedTorso, int inputSize,
                                     int policyOutputSize, DataType dataType, Random random) {
        return sharedTorso
                ? SharedTorsoNetwork.create(hiddenLayers, inputSize, policyOutputSize, dataType, random)
                : SeparateNetworks.create(hiddenLayers, inputSize, policyOutputSize, dataType, random);
    }

    /**
     * The network's layers as they are now, copied into plain arrays: observations through
     * {@code torso} (empty for separate networks), then {@code policy} and {@code value} on its output.
     */
    record PlainNetwork(PlainDenseStack torso, PlainDenseStack policy, PlainDenseStack value) {
    }

    List<ParameterBlock> parameters();

    /** {@link PlainNetwork} of this network, whose layers must all be dense, on {@code inputSize} inputs. */
    PlainNetwork plainCopy(int inputSize);

    Outputs forward(INDArray observations);

    /**
     * @param weightGradients whether to compute the weight gradients (else their map is empty and
     *     only the layer statistics are computed)
     * @param statistics whether to make the layer statistics (else their list is empty)
     * @param weightGradientReady told each layer's weight gradient, by block name, as soon as it is final
     */
    Gradients backward(Outputs outputs, INDArray policyOutputGradient, INDArray valueGradient, boolean weightGradients,
                       boolean statistics, BiConsumer<String, INDArray> weightGradientReady);

    /**
     * Forward mode along the weight tangents (by block name; absent blocks are zero), at the
     * weights that produced {@code outputs}.
     */
    Tangents tangent(Outputs outputs, Map<String, INDArray> weightTangents);

    /** A linear output layer. */
    static LayerStack.Layer outputLayer(String name, int inputSize, int outputSize, double gain, DataType dataType,
                                        Random random) {
        return LayerStack.Layer.initialised(new DenseLayer(name, inputSize, outputSize), Activation.IDENTITY, gain,
                dataType, random);
    }
}
