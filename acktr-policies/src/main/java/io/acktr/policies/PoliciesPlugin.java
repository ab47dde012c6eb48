package io.acktr.policies;

import io.acktr.api.AcktrPlugin;
import io.acktr.api.plugin.Registration;
import io.acktr.api.policy.PolicyFactory;
import io.acktr.policies.cnn.CnnPolicy;
import io.acktr.policies.cnn.CnnPolicySettings;
import io.acktr.policies.mlp.MlpPolicy;
import io.acktr.policies.mlp.MlpPolicySettings;
import java.util.List;

/** The built-in policies: {@value MlpPolicy#NAME} and {@value CnnPolicy#NAME}. */
public final class PoliciesPlugin implements AcktrPlugin {
    @Override
    public List<Registration<PolicyFactory>> policies() {
        return List.of(
                PolicyFactory.of(MlpPolicy.NAME, MlpPolicySettings::from, MlpPolicySettings::create),
                PolicyFactory.of(CnnPolicy.NAME, CnnPolicySettings::from, CnnPolicySettings::create));
    }
}
