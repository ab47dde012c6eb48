package io.acktr.policies.mlp;

import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.DenseLayerStatistics;
import io.acktr.api.policy.ParameterBlock;
import io.acktr.policies.layers.Activation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Two independent MLPs: {@code pi/0 ... pi/out} for the policy and {@code vf/0 ... vf/out} for the values. */
final class SeparateNetworks implements ActorCriticNetwork {
    private final DenseStack policy;
    private final DenseStack value;

    SeparateNetworks(DenseStack policy, DenseStack value) {
        this.policy = requireNonNull(policy, "policy is null");
        this.value = requireNonNull(value, "value is null");
    }

    static SeparateNetworks create(MlpArchitecture architecture, int inputSize, int policyOutputSize, Random random) {
        int width = ActorCriticNetwork.lastWidth(architecture, inputSize);
        List<DenseStack.Layer> policyLayers = new ArrayList<>(
                ActorCriticNetwork.hiddenLayers("pi", architecture, inputSize, random));
        policyLayers.add(ActorCriticNetwork.layer("pi/out", width, policyOutputSize, Activation.IDENTITY,
                POLICY_OUTPUT_GAIN, architecture.dataType(), random));
        List<DenseStack.Layer> valueLayers = new ArrayList<>(
                ActorCriticNetwork.hiddenLayers("vf", architecture, inputSize, random));
        valueLayers.add(ActorCriticNetwork.layer("vf/out", width, 1, Activation.IDENTITY,
                VALUE_OUTPUT_GAIN, architecture.dataType(), random));
        return new SeparateNetworks(new DenseStack(policyLayers), new DenseStack(valueLayers));
    }

    @Override
    public List<ParameterBlock> parameters() {
        List<ParameterBlock> blocks = new ArrayList<>(policy.parameters());
        blocks.addAll(value.parameters());
        return blocks;
    }

    @Override
    public Outputs forward(INDArray observations) {
        DenseStack.Activations policyActivations = policy.forward(observations);
        DenseStack.Activations valueActivations = value.forward(observations);
        return new Outputs(policyActivations.output(), valueActivations.output(),
                List.of(policyActivations, valueActivations));
    }

    @Override
    public Gradients backward(Outputs outputs, INDArray policyOutputGradient, INDArray valueGradient) {
        DenseStack.Gradients policyGradients = policy.backward(outputs.stacks().get(0), policyOutputGradient, false);
        DenseStack.Gradients valueGradients = value.backward(outputs.stacks().get(1), valueGradient, false);
        List<DenseLayerStatistics> layers = new ArrayList<>(policyGradients.layers());
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
