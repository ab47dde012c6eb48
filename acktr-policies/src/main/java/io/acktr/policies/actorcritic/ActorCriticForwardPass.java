package io.acktr.policies.actorcritic;

import static java.util.Objects.requireNonNull;

import io.acktr.api.policy.ActionDistribution;
import io.acktr.api.policy.ForwardPass;
import io.acktr.policies.layers.LayerStack;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A forward pass of one {@link ActorCriticPolicy}, carrying the layer activations its backward pass needs. */
final class ActorCriticForwardPass implements ForwardPass {
    private final ActorCriticPolicy policy;
    private final ActorCriticNetwork.Outputs outputs;
    private final ActionDistribution distribution;

    ActorCriticForwardPass(ActorCriticPolicy policy, ActorCriticNetwork.Outputs outputs,
                           ActionDistribution distribution) {
        this.policy = requireNonNull(policy, "policy is null");
        this.outputs = requireNonNull(outputs, "outputs is null");
        this.distribution = requireNonNull(distribution, "distribution is null");
    }

    ActorCriticPolicy policy() {
        return policy;
    }

    ActorCriticNetwork.Outputs outputs() {
        return outputs;
    }

    @Override
    public int batchSize() {
        return outputs.values().rows();
    }

    @Override
    public ActionDistribution distribution() {
        return distribution;
    }

    @Override
    public INDArray values() {
        return outputs.values();
    }

    @Override
    public void release() {
        outputs.stacks().forEach(LayerStack.Activations::release);
    }
}
