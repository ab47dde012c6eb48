package io.acktr.curvature.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.google.inject.multibindings.MapBinder;
import io.acktr.api.curvature.CurvatureEstimatorFactory;
import io.acktr.api.curvature.CurvatureEstimator;
import io.acktr.curvature.identity.IdentityCurvatureEstimator;

/** Registers {@code the identity curvature} under the name {@value IdentityCurvatureEstimator#NAME}. */
public final class IdentityCurvatureModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, CurvatureEstimatorFactory.class)
                .addBinding(IdentityCurvatureEstimator.NAME).to(Factory.class);
    }

    static final class Factory implements CurvatureEstimatorFactory {
        @Inject
        Factory() {
        }

        @Override
        public String name() {
            return IdentityCurvatureEstimator.NAME;
        }

        @Override
        public CurvatureEstimator create() {
            return new IdentityCurvatureEstimator();
        }
    }
}
