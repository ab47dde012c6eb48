package io.acktr.policies.mlp;

import io.acktr.api.curvature.DenseLayerStatistics;
import io.acktr.api.policy.ParameterBlock;
import io.acktr.policies.layers.Activation;
import io.acktr.policies.layers.DenseLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The dense layers of an actor-critic MLP: observations in, policy-head output and values out. */
sealed interface ActorCriticNetwork permits SharedTorsoNetwork, SeparateNetworks {
    /** Orthogonal-init gains as in stable-baselines3. */
    double HIDDEN_GAIN = Math.sqrt(2);
    double POLICY_OUTPUT_GAIN = 0.01;
    double VALUE_OUTPUT_GAIN = 1.0;

    /** Forward results: {@code policyOutput} ({@code N x P}), {@code values} ({@code N x 1}) and caches. */
    record Outputs(INDArray policyOutput, INDArray values, List<DenseStack.Activations> stacks) {
    }

    /** Gradients of every dense layer, in parameter order. */
    record Gradients(List<DenseLayerStatistics> layers, Map<String, INDArray> weightGradients) {
    }

    /** Forward-mode results: the tangents of {@code policyOutput} ({@code N x P}) and {@code values} ({@code N x 1}). */
    record Tangents(INDArray policyOutput, INDArray values) {
        /** Replaces a {@code null} (zero) tangent by zeros shaped like the corresponding output. */
        static Tangents orZeros(INDArray policyOutput, INDArray values, Outputs outputs) {
            return new Tangents(policyOutput == null ? Nd4j.zerosLike(outputs.policyOutput()) : policyOutput,
                    values == null ? Nd4j.zerosLike(outputs.values()) : values);
        }
    }

    static ActorCriticNetwork create(MlpArchitecture architecture, int inputSize, int policyOutputSize, Random random) {
        return architecture.sharedTorso()
                ? SharedTorsoNetwork.create(architecture, inputSize, policyOutputSize, random)
                : SeparateNetworks.create(architecture, inputSize, policyOutputSize, random);
    }

    List<ParameterBlock> parameters();

    Outputs forward(INDArray observations);

    Gradients backward(Outputs outputs, INDArray policyOutputGradient, INDArray valueGradient);

    /** Forward mode along the weight tangents (by block name; absent blocks are zero), at the weights of {@code outputs}. */
    Tangents tangent(Outputs outputs, Map<String, INDArray> weightTangents);

    /** Hidden layers {@code prefix/0 ...} with the architecture's activation, initialised in order. */
    static List<DenseStack.Layer> hiddenLayers(String prefix, MlpArchitecture architecture, int inputSize,
                                               Random random) {
        List<DenseStack.Layer> layers = new ArrayList<>();
        int width = inputSize;
        for (int i = 0; i < architecture.hiddenSizes().size(); i++) {
            int size = architecture.hiddenSizes().get(i);
            layers.add(layer(prefix + "/" + i, width, size, architecture.activation(), HIDDEN_GAIN,
                    architecture.dataType(), random));
            width = size;
        }
        return layers;
    }

    static int lastWidth(MlpArchitecture architecture, int inputSize) {
        List<Integer> sizes = architecture.hiddenSizes();
        return sizes.isEmpty() ? inputSize : sizes.get(sizes.size() - 1);
    }

    static DenseStack.Layer layer(String name, int inputSize, int outputSize, Activation activation, double gain,
                                  DataType dataType, Random random) {
        DenseLayer shape = new DenseLayer(name, inputSize, outputSize);
        return new DenseStack.Layer(shape, shape.orthogonalWeights(gain, random, dataType), activation);
    }
}
