package io.acktr.runtime.bootstrap.testplugins;

import io.acktr.api.curvature.CurvatureEstimatorFactory;
import io.acktr.api.AcktrPlugin;
import io.acktr.api.plugin.Registration;
import io.acktr.curvature.identity.IdentityCurvatureEstimator;
import java.util.List;

/** A plugin that claims the built-in name {@code kfac}, besides a name of its own. */
public final class DuplicateNamePlugin implements AcktrPlugin {
    public static final String OWN = "kfac-twin";

    @Override
    public List<Registration<CurvatureEstimatorFactory>> curvatureEstimators() {
        return List.of(CurvatureEstimatorFactory.of("kfac", IdentityCurvatureEstimator::new),
                CurvatureEstimatorFactory.of(OWN, IdentityCurvatureEstimator::new));
    }
}
