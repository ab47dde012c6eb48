package io.acktr.runtime.lifecycle;

import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.google.inject.multibindings.MapBinder;
import io.acktr.api.env.Space;
import io.acktr.api.policy.Policy;
import io.acktr.api.policy.PolicyFactory;
import io.acktr.policies.guice.MlpPolicySettings;
import io.acktr.policies.mlp.MlpPolicy;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A plugin module, listed in this test tree's services file, that registers the policy
 * {@value #NAME}: the {@code mlp} policy of {@code acktr.policy.mlp}, remembering the last one
 * created, so that a test can look at what a training session trained.
 */
public final class RecordingPolicyModule extends AbstractModule {
    static final String NAME = "recording-mlp";
    static final AtomicReference<Policy> LAST_CREATED = new AtomicReference<>();

    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, PolicyFactory.class).addBinding(NAME).to(Factory.class);
    }

    static final class Factory implements PolicyFactory {
        private final MlpPolicySettings settings;

        @Inject
        Factory(MlpPolicySettings settings) {
            this.settings = settings;
        }

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public Policy create(Space observationSpace, Space actionSpace, long seed) {
            Policy policy = new MlpPolicy(observationSpace, actionSpace, settings.architecture(), seed);
            LAST_CREATED.set(policy);
            return policy;
        }
    }
}
