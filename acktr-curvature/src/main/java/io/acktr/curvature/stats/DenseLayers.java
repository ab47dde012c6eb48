package io.acktr.curvature.stats;

import io.acktr.api.curvature.DenseLayerStatistics;
import io.acktr.api.curvature.LayerStatistics;

/** Estimators that only understand dense layers say so, naming the layer and its kind. */
public final class DenseLayers {
    private DenseLayers() {
    }

    public static DenseLayerStatistics require(LayerStatistics layer, String estimator) {
        if (layer instanceof DenseLayerStatistics dense) {
            return dense;
        }
        throw new IllegalArgumentException(estimator + " supports dense layers only; layer " + layer.parameterName()
                + " is of kind " + layer.getClass().getSimpleName());
    }
}
