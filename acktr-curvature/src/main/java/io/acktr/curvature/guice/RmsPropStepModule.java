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
import io.acktr.curvature.step.RmsPropStepRule;

/** Registers {@code RMSProp} under the name {@value RmsPropStepRule#NAME}. */
public final class RmsPropStepModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, StepSizeRuleFactory.class)
                .addBinding(RmsPropStepRule.NAME).to(Factory.class);
    }

    @Provides
    @Singleton
    RmsPropSettings settings(Config config) {
        return RmsPropSettings.from(config);
    }

    static final class Factory implements StepSizeRuleFactory {
        private final RmsPropSettings settings;

        @Inject
        Factory(RmsPropSettings settings) {
            this.settings = requireNonNull(settings, "settings is null");
        }

        @Override
        public String name() {
            return RmsPropStepRule.NAME;
        }

        @Override
        public StepSizeRule create() {
            return new RmsPropStepRule(settings);
        }
    }
}
