package io.acktr.policies.mlp;

import static java.util.Objects.requireNonNull;

import io.acktr.api.env.Space;
import io.acktr.api.policy.ActingPolicy;
import io.acktr.api.policy.Actor;
import io.acktr.policies.actorcritic.ActorCriticPolicy;
import io.acktr.policies.actorcritic.HiddenLayers;
import io.acktr.policies.layers.DenseLayer;
import io.acktr.policies.layers.LayerStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * An actor-critic MLP: dense hidden layers on the flat observations, then the linear heads of
 * {@link ActorCriticPolicy}.
 *
 * <p>Parameter blocks, in order: with a shared torso {@code torso/0, torso/1, ..., pi/out, vf/out};
 * otherwise {@code pi/0, ..., pi/out, vf/0, ..., vf/out}; then {@code log_std} for a Gaussian head.
 * Hidden layers are orthogonally initialised with gain sqrt(2) and zero biases.
 *
 * <p>It acts ({@link #actor()}) on plain arrays with a copy of its weights, without tensors.
 */
public final class MlpPolicy extends ActorCriticPolicy implements ActingPolicy {
    /** The value of {@code acktr.policy.type} that selects this policy. */
    public static final String NAME = "mlp";

    public MlpPolicy(Space observationSpace, Space actionSpace, MlpArchitecture architecture, long seed) {
        super(observationSpace, actionSpace, hiddenLayers(requireNonNull(architecture, "architecture is null"),
                requireNonNull(observationSpace, "observationSpace is null").flatSize()),
                architecture.sharedTorso(), architecture.dataType(), architecture.initialLogStd(), seed);
    }

    /** Acts in double precision on plain arrays, one row at a time, with the parameters as they are now. */
    @Override
    public Actor actor() {
        return denseActor();
    }

    /** Dense layers {@code prefix/0 ...} of the architecture's widths and activation. */
    private static HiddenLayers hiddenLayers(MlpArchitecture architecture, int inputSize) {
        return (String prefix, Random random) -> {
            List<LayerStack.Layer> layers = new ArrayList<>();
            int width = inputSize;
            for (int i = 0; i < architecture.hiddenSizes().size(); i++) {
                int size = architecture.hiddenSizes().get(i);
                layers.add(LayerStack.Layer.initialised(new DenseLayer(prefix + "/" + i, width, size),
                        architecture.activation(), HIDDEN_GAIN, architecture.dataType(), random));
                width = size;
            }
            return layers;
        };
    }
}
