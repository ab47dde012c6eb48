package org.example.curvature;

import io.acktr.api.AcktrPlugin;
import io.acktr.api.curvature.CurvatureEstimatorFactory;
import io.acktr.api.plugin.Registration;
import java.util.List;

/**
 * Registers {@link LayerScalarFisherEstimator} under {@value LayerScalarFisherEstimator#NAME}.
 * Listed in {@code META-INF/services/io.acktr.api.AcktrPlugin}; a public no-argument constructor
 * that does no work, as {@link java.util.ServiceLoader} needs.
 */
public final class LayerScalarPlugin implements AcktrPlugin {
    @Override
    public List<Registration<CurvatureEstimatorFactory>> curvatureEstimators() {
        return List.of(CurvatureEstimatorFactory.of(LayerScalarFisherEstimator.NAME, LayerScalarSettings::from,
                LayerScalarFisherEstimator::new));
    }
}
