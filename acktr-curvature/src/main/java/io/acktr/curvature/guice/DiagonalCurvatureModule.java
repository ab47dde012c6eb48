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
import io.acktr.curvature.diagonal.DiagonalCurvatureEstimator;

/** Registers {@code the diagonal Fisher} under the name {@value DiagonalCurvatureEstimator#NAME}. */
public final class DiagonalCurvatureModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, CurvatureEstimatorFactory.class)
                .addBinding(DiagonalCurvatureEstimator.NAME).to(Factory.class);
    }

    @Provides
    @Singleton
    DiagonalSettings settings(Config config) {
        return DiagonalSettings.from(config);
    }

    static final class Factory implements CurvatureEstimatorFactory {
        private final DiagonalSettings settings;

        @Inject
        Factory(DiagonalSettings settings) {
            this.settings = requireNonNull(settings, "settings is null");
        }

        @Override
        public String name() {
            return DiagonalCurvatureEstimator.NAME;
        }

        @Override
        public CurvatureEstimator create() {
            return new DiagonalCurvatureEstimator(settings);
        }
    }
}
