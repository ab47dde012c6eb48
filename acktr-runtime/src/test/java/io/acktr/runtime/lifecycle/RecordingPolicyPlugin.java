package io.acktr.runtime.lifecycle;

import io.acktr.api.AcktrPlugin;
import io.acktr.api.plugin.Registration;
import io.acktr.api.policy.Policy;
import io.acktr.api.policy.PolicyFactory;
import io.acktr.policies.mlp.MlpPolicySettings;
import java.util.List;

/**
 * A plugin, listed in this test tree's services file, that registers the policy {@value #NAME}:
 * the {@code mlp} policy of {@code acktr.policy.mlp}, remembering every one created, so that a
 * test can look at what a training session trained: a session creates the learner's policy first,
 * then one read-only copy per rollout worker.
 */
public final class RecordingPolicyPlugin implements AcktrPlugin {
    static final String NAME = "recording-mlp";
    static final List<Policy> CREATED = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public List<Registration<PolicyFactory>> policies() {
        return List.of(PolicyFactory.of(NAME, MlpPolicySettings::from, (settings, observations, actions, seed) -> {
            Policy policy = settings.create(observations, actions, seed);
            CREATED.add(policy);
            return policy;
        }));
    }
}
