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

/** One torso {@code torso/0 ...} feeding two linear heads {@code pi/out} and {@code vf/out}. */
final class SharedTorsoNetwork implements ActorCriticNetwork {
    private final DenseStack torso;
    private final DenseStack policyHead;
    private final DenseStack valueHead;

    SharedTorsoNetwork(DenseStack torso, DenseStack policyHead, DenseStack valueHead) {
        this.torso = requireNonNull(torso, "torso is null");
        this.policyHead = requireNonNull(policyHead, "policyHead is null");
        this.valueHead = requireNonNull(valueHead, "valueHead is null");
    }

    static SharedTorsoNetwork create(MlpArchitecture architecture, int inputSize, int policyOutputSize, Random random) {
        DenseStack torso = new DenseStack(ActorCriticNetwork.hiddenLayers("torso", architecture, inputSize, random));
        int width = ActorCriticNetwork.lastWidth(architecture, inputSize);
        DenseStack policyHead = new DenseStack(List.of(ActorCriticNetwork.layer("pi/out", width, policyOutputSize,
                Activation.IDENTITY, POLICY_OUTPUT_GAIN, architecture.dataType(), random)));
        DenseStack valueHead = new DenseStack(List.of(ActorCriticNetwork.layer("vf/out", width, 1,
                Activation.IDENTITY, VALUE_OUTPUT_GAIN, architecture.dataType(), random)));
        return new SharedTorsoNetwork(torso, policyHead, valueHead);
    }

    @Override
    public List<ParameterBlock> parameters() {
        List<ParameterBlock> blocks = new ArrayList<>(torso.parameters());
        blocks.addAll(policyHead.parameters());
        blocks.addAll(valueHead.parameters());
        return blocks;
    }

    @Override
    public Outputs forward(INDArray observations) {
        DenseStack.Activations features = torso.forward(observations);
        DenseStack.Activations policy = policyHead.forward(features.output());
        DenseStack.Activations value = valueHead.forward(features.output());
        return new Outputs(policy.output(), value.output(), List.of(features, policy, value));
    }

    /** Both heads see the torso's tangent as their input tangent. */
    @Override
    public Tangents tangent(Outputs outputs, Map<String, INDArray> weightTangents) {
        INDArray features = torso.tangent(outputs.stacks().get(0), null, weightTangents);
        return Tangents.orZeros(policyHead.tangent(outputs.stacks().get(1), features, weightTangents),
                valueHead.tangent(outputs.stacks().get(2), features, weightTangents), outputs);
    }

    /** The torso receives the sum of what both heads send back. */
    @Override
    public Gradients backward(Outputs outputs, INDArray policyOutputGradient, INDArray valueGradient) {
        DenseStack.Gradients policy = policyHead.backward(outputs.stacks().get(1), policyOutputGradient, true);
        DenseStack.Gradients value = valueHead.backward(outputs.stacks().get(2), valueGradient, true);
        INDArray featureGradient = policy.inputGradient().addi(value.inputGradient());
        DenseStack.Gradients features = torso.backward(outputs.stacks().get(0), featureGradient, false);

        List<DenseLayerStatistics> layers = new ArrayList<>(features.layers());
        layers.addAll(policy.layers());
        layers.addAll(value.layers());
        Map<String, INDArray> weightGradients = new LinkedHashMap<>(features.weightGradients());
        weightGradients.putAll(policy.weightGradients());
        weightGradients.putAll(value.weightGradients());
        return new Gradients(layers, weightGradients);
    }
}
