package io.acktr.policies.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import com.typesafe.config.Config;
import io.acktr.api.policy.PolicyFactory;

/** Registers the {@value MlpPolicyFactory#NAME} policy factory; needs a bound {@link Config}. */
public final class MlpPolicyModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, PolicyFactory.class)
                .addBinding(MlpPolicyFactory.NAME).to(MlpPolicyFactory.class);
    }

    @Provides
    @Singleton
    MlpPolicySettings settings(Config config) {
        return MlpPolicySettings.from(config);
    }
}
