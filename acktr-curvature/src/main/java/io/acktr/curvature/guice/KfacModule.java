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
import io.acktr.curvature.kfac.KfacCurvatureEstimator;

/** Registers {@code K-FAC} under the name {@value KfacCurvatureEstimator#NAME}. */
public final class KfacModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, CurvatureEstimatorFactory.class)
                .addBinding(KfacCurvatureEstimator.NAME).to(Factory.class);
    }

    @Provides
    @Singleton
    KfacSettings settings(Config config) {
        return KfacSettings.from(config);
    }

    static final class Factory implements CurvatureEstimatorFactory {
        private final KfacSettings settings;

        @Inject
        Factory(KfacSettings settings) {
            this.settings = requireNonNull(settings, "settings is null");
        }

        @Override
        public String name() {
            return KfacCurvatureEstimator.NAME;
        }

        @Override
        public CurvatureEstimator create() {
            return new KfacCurvatureEstimator(settings);
        }
    }
}
