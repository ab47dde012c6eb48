package io.acktr.curvature.guice;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import com.typesafe.config.Config;
import io.acktr.api.curvature.CurvatureEstimatorFactory;
import io.acktr.api.curvature.CurvatureEstimator;
import io.acktr.curvature.explicit.ExplicitFisherEstimator;

/** Registers {@code the explicit Fisher} under the name {@value ExplicitFisherEstimator#NAME}. */
public final class ExplicitFisherModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, CurvatureEstimatorFactory.class)
                .addBinding(ExplicitFisherEstimator.NAME).to(Factory.class);
    }

    @Provides
    @Singleton
    ExplicitFisherSettings settings(Config config) {
        return ExplicitFisherSettings.from(config);
    }

    static final class Factory implements CurvatureEstimatorFactory {
        private final ExplicitFisherSettings settings;

        @Inject
        Factory(ExplicitFisherSettings settings) {
            this.settings = requireNonNull(settings, "settings is null");
        }

        @Override
        public String name() {
            return ExplicitFisherEstimator.NAME;
        }

        @Override
        public CurvatureEstimator create() {
            return new ExplicitFisherEstimator(settings);
        }
    }
}
