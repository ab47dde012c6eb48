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
import io.acktr.curvature.step.LineSearchStepRule;

/** Registers TRPO's backtracking line search under the name {@value LineSearchStepRule#NAME}. */
public final class LineSearchStepModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, StepSizeRuleFactory.class)
                .addBinding(LineSearchStepRule.NAME).to(Factory.class);
    }

    @Provides
    @Singleton
    LineSearchSettings settings(Config config) {
        return LineSearchSettings.from(config);
    }

    static final class Factory implements StepSizeRuleFactory {
        private final LineSearchSettings settings;

        @Inject
        Factory(LineSearchSettings settings) {
            this.settings = requireNonNull(settings, "settings is null");
        }

        @Override
        public String name() {
            return LineSearchStepRule.NAME;
        }

        @Override
        public StepSizeRule create() {
            return new LineSearchStepRule(settings);
        }
    }
}
