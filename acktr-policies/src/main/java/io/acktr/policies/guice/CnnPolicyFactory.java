package io.acktr.policies.guice;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import io.acktr.api.env.Space;
import io.acktr.api.policy.Policy;
import io.acktr.api.policy.PolicyFactory;
import io.acktr.policies.cnn.CnnPolicy;

/** Builds {@link CnnPolicy} instances from {@link CnnPolicySettings}; registered as {@value #NAME}. */
public final class CnnPolicyFactory implements PolicyFactory {
    public static final String NAME = "cnn";

    private final CnnPolicySettings settings;

    @Inject
    CnnPolicyFactory(CnnPolicySettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    /** @throws IllegalArgumentException for observations that are not images large enough for the convolutions */
    @Override
    public Policy create(Space observationSpace, Space actionSpace, long seed) {
        return new CnnPolicy(observationSpace, actionSpace, settings.architecture(), seed);
    }
}
