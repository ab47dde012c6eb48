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
import io.acktr.curvature.kfac.EkfacCurvatureEstimator;

/** Registers {@code eigenvalue-corrected K-FAC} under the name {@value EkfacCurvatureEstimator#NAME}. */
public final class EkfacModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, CurvatureEstimatorFactory.class)
                .addBinding(EkfacCurvatureEstimator.NAME).to(Factory.class);
    }

    @Provides
    @Singleton
    EkfacSettings settings(Config config) {
        return EkfacSettings.from(config);
    }

    static final class Factory implements CurvatureEstimatorFactory {
        private final EkfacSettings settings;

        @Inject
        Factory(EkfacSettings settings) {
            this.settings = requireNonNull(settings, "settings is null");
        }

        @Override
        public String name() {
            return EkfacCurvatureEstimator.NAME;
        }

        @Override
        public CurvatureEstimator create() {
            return new EkfacCurvatureEstimator(settings);
        }
    }
}
