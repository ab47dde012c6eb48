package io.acktr.runtime.bootstrap.testplugins;

import io.acktr.api.curvature.CurvatureEstimatorFactory;
import io.acktr.api.AcktrPlugin;
import io.acktr.api.plugin.Registration;
import io.acktr.curvature.identity.IdentityCurvatureEstimator;
import java.util.List;

/** A plugin whose estimator's settings cannot be read; another estimator of it reads fine. */
public final class UnreadableSettingsPlugin implements AcktrPlugin {
    public static final String BROKEN = "unreadable";
    public static final String WORKING = "readable";
    public static final String CAUSE = "the plugin's settings broke";

    @Override
    public List<Registration<CurvatureEstimatorFactory>> curvatureEstimators() {
        return List.of(
                CurvatureEstimatorFactory.of(BROKEN, config -> {
                    throw new IllegalStateException(CAUSE);
                }, settings -> new IdentityCurvatureEstimator()),
                CurvatureEstimatorFactory.of(WORKING, IdentityCurvatureEstimator::new));
    }
}
