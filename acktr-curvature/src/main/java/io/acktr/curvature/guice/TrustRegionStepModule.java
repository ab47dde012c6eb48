package io.acktr.curvature.guice;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import com.typesafe.config.Config;
import io.acktr.api.step.StepSizeRuleFactory;
import io.acktr.api.step.StepSizeRule;
import io.acktr.curvature.step.TrustRegionStepRule;

/** Registers {@code the ACKTR trust-region step} under the name {@value TrustRegionStepRule#NAME}. */
public final class TrustRegionStepModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, StepSizeRuleFactory.class)
                .addBinding(TrustRegionStepRule.NAME).to(Factory.class);
    }

    @Provides
    @Singleton
    TrustRegionSettings settings(Config config) {
        return TrustRegionSettings.from(config);
    }

    static final class Factory implements StepSizeRuleFactory {
        private final TrustRegionSettings settings;

        @Inject
        Factory(TrustRegionSettings settings) {
            this.settings = requireNonNull(settings, "settings is null");
        }

        @Override
        public String name() {
            return TrustRegionStepRule.NAME;
        }

        @Override
        public StepSizeRule create() {
            return new TrustRegionStepRule(settings);
        }
    }
}
