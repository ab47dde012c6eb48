package io.acktr.policies.actorcritic;

import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.LayerStatistics;
import io.acktr.api.policy.ParameterBlock;
import io.acktr.policies.layers.LayerStack;
import io.acktr.policies.layers.PlainDenseStack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Two independent networks: {@code pi/... pi/out} for the policy and {@code vf/... vf/out} for the values. */
final class SeparateNetworks implements ActorCriticNetwork {
    private final LayerStack policy;
    private final LayerStack value;

    SeparateNetworks(LayerStack policy, LayerStack value) {
        this.policy = requireNonNull(policy, "policy is null");
        this.value = requireNonNull(value, "value is null");
    }

    static SeparateNetworks create(HiddenLayers hiddenLayers, int inputSize, int policyOutputSize,
                                   DataType dataType, Random random) {
        return new SeparateNetworks(
                network(hiddenLayers, "pi", inputSize, policyOutputSize, POLICY_OUTPUT_GAIN, dataType, random),
                network(hiddenLayers, "vf", inputSize, 1, VALUE_OUTPUT_GAIN, dataType, random));
    }

    private static LayerStack network(HiddenLayers hiddenLayers, String prefix, int inputSize, int outputSize,
                                      double outputGain, DataType dataType, Random random) {
        List<LayerStack.Layer> layers = new ArrayList<>(hiddenLayers.create(prefix, random));
        int width = new LayerStack(layers).outputSize(inputSize);
        layers.add(ActorCriticNetwork.outputLayer(prefix + "/out", width, outputSize, outputGain, dataType, random));
        return new LayerStack(layers);
    }

    @Override
    public List<ParameterBlock> parameters() {
        List<ParameterBlock> blocks = new ArrayList<>(policy.parameters());
        blocks.addAll(value.parameters());
        return blocks;
    }

    @Override
    public PlainNetwork plainCopy(int inputSize) {
        return new PlainNetwork(PlainDenseStack.copyOf(inputSize, List.of()), policy.plainCopy(inputSize),
                value.plainCopy(inputSize));
    }

    @Override
    public Outputs forward(INDArray observations) {
        LayerStack.Activations policyActivations = policy.forward(observations);
        LayerStack.Activations valueActivations = value.forward(observations);
        return new Outputs(policyActivations.output(), valueActivations.output(),
                List.of(policyActivations, valueActivations));
    }

    @Override
    public Gradients backward(Outputs outputs, INDArray policyOutputGradient, INDArray valueGradient,
                               boolean withWeightGradients, boolean statistics,
                               BiConsumer<String, INDArray> weightGradientReady) {
        LayerStack.Gradients policyGradients = policy.backward(outputs.stacks().get(0), policyOutputGradient, false,
                withWeightGradients, statistics, weightGradientReady);
        LayerStack.Gradients valueGradients = value.backward(outputs.stacks().get(1), valueGradient, false,
                withWeightGradients, statistics, weightGradientReady);
        List<LayerStatistics> layers = new ArrayList<>(policyGradients.layers());
        layers.addAll(valueGradients.layers());
        Map<String, INDArray> weightGradients = new LinkedHashMap<>(policyGradients.weightGradients());
        weightGradients.putAll(valueGradients.weightGradients());
        return new Gradients(layers, weightGradients);
    }

    @Override
    public Tangents tangent(Outputs outputs, Map<String, INDArray> weightTangents) {
        return Tangents.orZeros(policy.tangent(outputs.stacks().get(0), null, weightTangents),
                value.tangent(outputs.stacks().get(1), null, weightTangents), outputs);
    }
}
