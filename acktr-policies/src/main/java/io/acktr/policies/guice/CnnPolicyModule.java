package io.acktr.policies.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import com.typesafe.config.Config;
import io.acktr.api.policy.PolicyFactory;

/** Registers the {@value CnnPolicyFactory#NAME} policy factory; needs a bound {@link Config}. */
public final class CnnPolicyModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, PolicyFactory.class)
                .addBinding(CnnPolicyFactory.NAME).to(CnnPolicyFactory.class);
    }

    @Provides
    @Singleton
    CnnPolicySettings settings(Config config) {
        return CnnPolicySettings.from(config);
    }
}
