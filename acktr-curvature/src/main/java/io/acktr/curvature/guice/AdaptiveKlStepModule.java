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
import io.acktr.curvature.step.AdaptiveKlStepRule;

/** Registers {@code the adaptive-KL step} under the name {@value AdaptiveKlStepRule#NAME}. */
public final class AdaptiveKlStepModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, StepSizeRuleFactory.class)
                .addBinding(AdaptiveKlStepRule.NAME).to(Factory.class);
    }

    @Provides
    @Singleton
    AdaptiveKlSettings settings(Config config) {
        return AdaptiveKlSettings.from(config);
    }

    static final class Factory implements StepSizeRuleFactory {
        private final AdaptiveKlSettings settings;

        @Inject
        Factory(AdaptiveKlSettings settings) {
            this.settings = requireNonNull(settings, "settings is null");
        }

        @Override
        public String name() {
            return AdaptiveKlStepRule.NAME;
        }

        @Override
        public StepSizeRule create() {
            return new AdaptiveKlStepRule(settings);
        }
    }
}
