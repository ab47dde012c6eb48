package io.acktr.policies.actorcritic;

import static java.util.Objects.requireNonNull;

import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.Space;
import io.acktr.api.policy.Actor;
import io.acktr.api.policy.BackwardPass;
import io.acktr.api.policy.ForwardModePolicy;
import io.acktr.api.policy.ForwardPass;
import io.acktr.api.policy.OutputTangent;
import io.acktr.api.policy.ParameterBlock;
import io.acktr.api.policy.Policy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An actor-critic network with a categorical head (discrete actions) or a diagonal Gaussian head
 * with a state-independent {@code log_std} (box actions), and a scalar value head. Subclasses
 * choose the hidden layers; this class assembles them, as stable-baselines3's {@code ActorCriticPolicy}
 * assembles a features extractor and its heads.
 *
 * <p>Parameter blocks, in order: with a shared torso {@code torso/..., pi/out, vf/out}; otherwise
 * {@code pi/..., pi/out, vf/..., vf/out}; then {@code log_std} for a Gaussian head. The output
 * layers are orthogonally initialised with gains 0.01 ({@code pi/out}) and 1 ({@code vf/out}) and
 * zero biases, after the hidden layers, from one {@link Random} seeded with the given seed. With
 * separate networks the blocks are in the groups {@value #ACTOR} ({@code pi/*}, {@code log_std})
 * and {@value #CRITIC} ({@code vf/*}); with a shared torso they are all in one group.
 *
 * <p>The policy owns only its parameters; {@link #forward} returns everything {@link #backward}
 * and {@link #outputTangent} need. Run them before the parameters are updated.
 */
public abstract class ActorCriticPolicy implements ForwardModePolicy {
    public static final String ACTOR = "actor";
    public static final String CRITIC = "critic";
    /** Orthogonal-init gain of hidden layers, as in stable-baselines3. */
    public static final double HIDDEN_GAIN = Math.sqrt(2);

    private final Space observationSpace;
    private final Space actionSpace;
    private final DataType dataType;
    private final ActionHead head;
    private final ActorCriticNetwork network;
    private final List<ParameterBlock> parameters;
    private final Map<String, ParameterBlock> blocksByName;

    /**
     * @param hiddenLayers the layers between the observations ({@code observationSpace.flatSize()}
     *     wide) and the output layers, built once ({@code torso}) or per network ({@code pi}, {@code vf})
     * @param dataType {@link DataType#FLOAT} or {@link DataType#DOUBLE}, for parameters and activations
     * @param initialLogStd starting value of a Gaussian head's {@code log_std} (box actions only)
     */
    protected ActorCriticPolicy(Space observationSpace, Space actionSpace, HiddenLayers hiddenLayers,
                                boolean sharedTorso, DataType dataType, double initialLogStd, long seed) {
        this.observationSpace = requireNonNull(observationSpace, "observationSpace is null");
        this.actionSpace = requireNonNull(actionSpace, "actionSpace is null");
        requireNonNull(hiddenLayers, "hiddenLayers is null");
        this.dataType = requireNonNull(dataType, "dataType is null");
        this.head = ActionHead.forSpace(actionSpace, dataType, initialLogStd);
        this.network = ActorCriticNetwork.create(hiddenLayers, sharedTorso, observationSpace.flatSize(),
                head.networkOutputSize(), dataType, new Random(seed));
        List<ParameterBlock> blocks = new ArrayList<>(network.parameters());
        blocks.addAll(head.parameters());
        this.parameters = blocks.stream().map(b -> b.inGroup(groupOf(b.name(), sharedTorso))).toList();
        this.blocksByName = new LinkedHashMap<>();
        parameters.forEach(block -> blocksByName.put(block.name(), block));
    }

    /** Separate networks are the groups {@value #ACTOR} and {@value #CRITIC}; a shared torso is one group. */
    private static String groupOf(String block, boolean sharedTorso) {
        if (sharedTorso) {
            return ParameterBlock.DEFAULT_GROUP;
        }
        return block.startsWith("vf/") ? CRITIC : ACTOR;
    }

    @Override
    public Space observationSpace() {
        return observationSpace;
    }

    @Override
    public Space actionSpace() {
        return actionSpace;
    }

    public DataType dataType() {
        return dataType;
    }

    @Override
    public List<ParameterBlock> parameters() {
        return parameters;
    }

    /** @param observations {@code N x observationSpace().flatSize()}, cast to the parameter data type */
    @Override
    public ForwardPass forward(INDArray observations) {
        requireNonNull(observations, "observations is null");
        if (observations.rank() != 2 || observations.columns() != observationSpace.flatSize()) {
            throw new IllegalArgumentException("observations must be N x " + observationSpace.flatSize() + ", got "
                    + Arrays.toString(observations.shape()));
        }
        ActorCriticNetwork.Outputs outputs = network.forward(observations.castTo(dataType));
        return new ActorCriticForwardPass(this, outputs, head.distribution(outputs.policyOutput()));
    }

    /**
     * An {@link Actor} with the parameters as they are now, for a subclass whose layers are all
     * dense (the {@link io.acktr.api.policy.ActingPolicy} of an MLP).
     */
    protected final Actor denseActor() {
        int actionWidth = actionSpace instanceof DiscreteSpace ? 1 : actionSpace.flatSize();
        return new PlainActor(network.plainCopy(observationSpace.flatSize()), head.rowSampler(), actionWidth);
    }

    @Override
    public BackwardPass backward(ForwardPass pass, INDArray distributionGradient, INDArray valueGradient) {
        return backward(pass, distributionGradient, valueGradient, true, true, (block, gradient) -> { });
    }

    /** Tells each layer's weight gradient as soon as its layer is done, top layer first; the head's own blocks last. */
    @Override
    public BackwardPass backward(ForwardPass pass, INDArray distributionGradient, INDArray valueGradient,
                                 BiConsumer<String, INDArray> gradientReady) {
        return backward(pass, distributionGradient, valueGradient, true, true,
                requireNonNull(gradientReady, "gradientReady is null"));
    }

    /** Without the layer statistics: a convolution computed by oneDNN then makes no patches. */
    @Override
    public Map<String, INDArray> gradients(ForwardPass pass, INDArray distributionGradient, INDArray valueGradient,
                                           BiConsumer<String, INDArray> gradientReady) {
        return backward(pass, distributionGradient, valueGradient, true, false,
                requireNonNull(gradientReady, "gradientReady is null")).gradients();
    }

    @Override
    public BackwardPass backwardStatistics(ForwardPass pass, INDArray distributionGradient, INDArray valueGradient) {
        return backward(pass, distributionGradient, valueGradient, false, true, (block, gradient) -> { });
    }

    private BackwardPass backward(ForwardPass pass, INDArray distributionGradient, INDArray valueGradient,
                                  boolean parameterGradients, boolean statistics,
                                  BiConsumer<String, INDArray> gradientReady) {
        ActorCriticForwardPass ownPass = own(pass);
        int n = pass.batchSize();
        INDArray distribution = checked("distributionGradient", distributionGradient, n,
                pass.distribution().parameterWidth());
        INDArray value = checked("valueGradient", valueGradient, n, 1);

        ActorCriticNetwork.Gradients layers = network.backward(ownPass.outputs(),
                head.networkOutputGradient(distribution), value, parameterGradients, statistics, gradientReady);
        if (!parameterGradients) {
            return new BackwardPass(Map.of(), layers.layers(), head.perSampleGradients(distribution));
        }
        Map<String, INDArray> gradients = new LinkedHashMap<>(layers.weightGradients());
        Map<String, INDArray> headGradients = head.parameterGradients(distribution);
        headGradients.forEach(gradientReady);
        gradients.putAll(headGradients);
        Map<String, INDArray> ordered = new LinkedHashMap<>();
        for (ParameterBlock block : parameters) {
            ordered.put(block.name(), gradients.get(block.name()));
        }
        return new BackwardPass(ordered, List.copyOf(layers.layers()), head.perSampleGradients(distribution));
    }

    /**
     * Forward mode through the layers cached in {@code pass}: {@code ds = [a_dot, 0] W^T + abar dW^T}
     * per layer (over the patches for a convolution) and {@code f'(s) * ds} per activation. A
     * Gaussian's distribution tangent is {@code [d mean, d logStd]} with the {@code log_std} tangent
     * on every row.
     *
     * @throws IllegalArgumentException for a tangent naming no block or not of its block's shape
     */
    @Override
    public OutputTangent outputTangent(ForwardPass pass, Map<String, INDArray> parameterTangent) {
        ActorCriticForwardPass ownPass = own(pass);
        Map<String, INDArray> tangents = checkedTangents(parameterTangent);
        ActorCriticNetwork.Tangents outputs = network.tangent(ownPass.outputs(), tangents);
        return new OutputTangent(head.distributionTangent(outputs.policyOutput(), tangents), outputs.values());
    }

    private ActorCriticForwardPass own(ForwardPass pass) {
        requireNonNull(pass, "pass is null");
        if (!(pass instanceof ActorCriticForwardPass ownPass) || ownPass.policy() != this) {
            throw new IllegalArgumentException("the forward pass was not produced by this policy");
        }
        return ownPass;
    }

    private Map<String, INDArray> checkedTangents(Map<String, INDArray> parameterTangent) {
        requireNonNull(parameterTangent, "parameterTangent is null");
        Map<String, INDArray> checked = new HashMap<>();
        for (Map.Entry<String, INDArray> entry : parameterTangent.entrySet()) {
            ParameterBlock block = blocksByName.get(entry.getKey());
            if (block == null) {
                throw new IllegalArgumentException("parameterTangent names no parameter block: " + entry.getKey()
                        + "; the blocks are " + blocksByName.keySet());
            }
            INDArray tangent = requireNonNull(entry.getValue(), "tangent of " + entry.getKey() + " is null");
            if (!Arrays.equals(tangent.shape(), block.value().shape())) {
                throw new IllegalArgumentException("tangent of " + entry.getKey() + " must be "
                        + Arrays.toString(block.value().shape()) + ", got " + Arrays.toString(tangent.shape()));
            }
            checked.put(entry.getKey(), tangent.castTo(dataType));
        }
        return checked;
    }

    private INDArray checked(String name, INDArray gradient, long rows, long columns) {
        requireNonNull(gradient, name + " is null");
        if (gradient.rank() != 2 || gradient.rows() != rows || gradient.columns() != columns) {
            throw new IllegalArgumentException(name + " must be " + rows + " x " + columns + ", got "
                    + Arrays.toString(gradient.shape()));
        }
        // a copy of the policy's type (castTo copies when the type differs, and returns the array itself when not)
        return gradient.dataType() == dataType ? gradient.dup() : gradient.castTo(dataType);
    }
}
