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
import io.acktr.curvature.step.AdamStepRule;

/** Registers {@code Adam} under the name {@value AdamStepRule#NAME}. */
public final class AdamStepModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, StepSizeRuleFactory.class)
                .addBinding(AdamStepRule.NAME).to(Factory.class);
    }

    @Provides
    @Singleton
    AdamSettings settings(Config config) {
        return AdamSettings.from(config);
    }

    static final class Factory implements StepSizeRuleFactory {
        private final AdamSettings settings;

        @Inject
        Factory(AdamSettings settings) {
            this.settings = requireNonNull(settings, "settings is null");
        }

        @Override
        public String name() {
            return AdamStepRule.NAME;
        }

        @Override
        public StepSizeRule create() {
            return new AdamStepRule(settings);
        }
    }
}
