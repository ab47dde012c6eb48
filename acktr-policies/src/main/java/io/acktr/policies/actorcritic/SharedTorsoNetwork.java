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

/** One torso {@code torso/...} feeding two linear heads {@code pi/out} and {@code vf/out}. */
final class SharedTorsoNetwork implements ActorCriticNetwork {
    private final LayerStack torso;
    private final LayerStack policyHead;
    private final LayerStack valueHead;

    SharedTorsoNetwork(LayerStack torso, LayerStack policyHead, LayerStack valueHead) {
        this.torso = requireNonNull(torso, "torso is null");
        this.policyHead = requireNonNull(policyHead, "policyHead is null");
        this.valueHead = requireNonNull(valueHead, "valueHead is null");
    }

    static SharedTorsoNetwork create(HiddenLayers hiddenLayers, int inputSize, int policyOutputSize,
                                     DataType dataType, Random random) {
        LayerStack torso = new LayerStack(hiddenLayers.create("torso", random));
        int width = torso.outputSize(inputSize);
        LayerStack policyHead = new LayerStack(List.of(ActorCriticNetwork.outputLayer("pi/out", width,
                policyOutputSize, POLICY_OUTPUT_GAIN, dataType, random)));
        LayerStack valueHead = new LayerStack(List.of(ActorCriticNetwork.outputLayer("vf/out", width, 1,
                VALUE_OUTPUT_GAIN, dataType, random)));
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
    public PlainNetwork plainCopy(int inputSize) {
        PlainDenseStack features = torso.plainCopy(inputSize);
        return new PlainNetwork(features, policyHead.plainCopy(features.outputSize()),
                valueHead.plainCopy(features.outputSize()));
    }

    @Override
    public Outputs forward(INDArray observations) {
        LayerStack.Activations features = torso.forward(observations);
        LayerStack.Activations policy = policyHead.forward(features.output());
        LayerStack.Activations value = valueHead.forward(features.output());
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
    public Gradients backward(Outputs outputs, INDArray policyOutputGradient, INDArray valueGradient,
                               boolean withWeightGradients, boolean statistics,
                               BiConsumer<String, INDArray> weightGradientReady) {
        LayerStack.Gradients policy = policyHead.backward(outputs.stacks().get(1), policyOutputGradient, true,
                withWeightGradients, statistics, weightGradientReady);
        LayerStack.Gradients value = valueHead.backward(outputs.stacks().get(2), valueGradient, true, withWeightGradients,
                statistics, weightGradientReady);
        INDArray featureGradient = policy.inputGradient().addi(value.inputGradient());
        LayerStack.Gradients features = torso.backward(outputs.stacks().get(0), featureGradient, false,
                withWeightGradients, statistics, weightGradientReady);

        List<LayerStatistics> layers = new ArrayList<>(features.layers());
        layers.addAll(policy.layers());
        layers.addAll(value.layers());
        Map<String, INDArray> weightGradients = new LinkedHashMap<>(features.weightGradients());
        weightGradients.putAll(policy.weightGradients());
        weightGradients.putAll(value.weightGradients());
        return new Gradients(layers, weightGradients);
    }
}
