package io.acktr.policies.guice;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import io.acktr.api.env.Space;
import io.acktr.api.policy.Policy;
import io.acktr.api.policy.PolicyFactory;
import io.acktr.policies.mlp.MlpPolicy;

/** Builds {@link MlpPolicy} instances from {@link MlpPolicySettings}; registered as {@value #NAME}. */
public final class MlpPolicyFactory implements PolicyFactory {
    public static final String NAME = "mlp";

    private final MlpPolicySettings settings;

    @Inject
    MlpPolicyFactory(MlpPolicySettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Policy create(Space observationSpace, Space actionSpace, long seed) {
        return new MlpPolicy(observationSpace, actionSpace, settings.architecture(), seed);
    }
}
