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
import io.acktr.curvature.cg.ConjugateGradientFisherEstimator;

/** Registers the conjugate-gradient exact Fisher under the name {@value ConjugateGradientFisherEstimator#NAME}. */
public final class ConjugateGradientFisherModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, CurvatureEstimatorFactory.class)
                .addBinding(ConjugateGradientFisherEstimator.NAME).to(Factory.class);
    }

    @Provides
    @Singleton
    ConjugateGradientSettings settings(Config config) {
        return ConjugateGradientSettings.from(config);
    }

    static final class Factory implements CurvatureEstimatorFactory {
        private final ConjugateGradientSettings settings;

        @Inject
        Factory(ConjugateGradientSettings settings) {
            this.settings = requireNonNull(settings, "settings is null");
        }

        @Override
        public String name() {
            return ConjugateGradientFisherEstimator.NAME;
        }

        @Override
        public CurvatureEstimator create() {
            return new ConjugateGradientFisherEstimator(settings);
        }
    }
}
