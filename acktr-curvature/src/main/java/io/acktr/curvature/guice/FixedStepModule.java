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
import io.acktr.curvature.step.FixedStepRule;

/** Registers {@code the fixed learning rate} under the name {@value FixedStepRule#NAME}. */
public final class FixedStepModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, StepSizeRuleFactory.class)
                .addBinding(FixedStepRule.NAME).to(Factory.class);
    }

    @Provides
    @Singleton
    FixedStepSettings settings(Config config) {
        return FixedStepSettings.from(config);
    }

    static final class Factory implements StepSizeRuleFactory {
        private final FixedStepSettings settings;

        @Inject
        Factory(FixedStepSettings settings) {
            this.settings = requireNonNull(settings, "settings is null");
        }

        @Override
        public String name() {
            return FixedStepRule.NAME;
        }

        @Override
        public StepSizeRule create() {
            return new FixedStepRule(settings);
        }
    }
}
