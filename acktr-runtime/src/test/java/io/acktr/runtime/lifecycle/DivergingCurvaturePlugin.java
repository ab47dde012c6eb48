package io.acktr.runtime.lifecycle;

import io.acktr.api.AcktrPlugin;
import io.acktr.api.curvature.CurvatureEstimator;
import io.acktr.api.curvature.CurvatureEstimatorFactory;
import io.acktr.api.curvature.CurvatureRequirements;
import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.FisherPass;
import io.acktr.api.curvature.Gradient;
import io.acktr.api.plugin.Registration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A plugin, listed in this test tree's services file, with two broken curvature estimators:
 * {@value #NON_FINITE} gives a NaN direction on every update (so every update is skipped), and
 * {@value #EXPLODING} gives the plain gradient except on update {@value #EXPLODING_UPDATE}, when it
 * gives the gradient times {@value #EXPLOSION}: a finite blow-up.
 */
public final class DivergingCurvaturePlugin implements AcktrPlugin {
    static final String NON_FINITE = "test-non-finite";
    static final String EXPLODING = "test-exploding";
    static final int EXPLODING_UPDATE = 12;
    static final double EXPLOSION = 1e7;

    @Override
    public List<Registration<CurvatureEstimatorFactory>> curvatureEstimators() {
        return List.of(CurvatureEstimatorFactory.of(NON_FINITE, () -> new Scaling(NON_FINITE, update -> Double.NaN)),
                CurvatureEstimatorFactory.of(EXPLODING, () -> new Scaling(EXPLODING,
                        update -> update == EXPLODING_UPDATE ? EXPLOSION : 1.0)));
    }

    /** The gradient times a factor of the update's number (1, 2, ...). */
    private static final class Scaling implements CurvatureEstimator {
        private final String name;
        private final java.util.function.LongToDoubleFunction factor;
        private long updates;

        Scaling(String name, java.util.function.LongToDoubleFunction factor) {
            this.name = name;
            this.factor = factor;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public CurvatureRequirements requirements() {
            return CurvatureRequirements.none();
        }

        @Override
        public void observe(FisherPass pass) {
        }

        @Override
        public Direction precondition(Gradient gradient) {
            double scale = factor.applyAsDouble(++updates);
            Map<String, INDArray> blocks = new LinkedHashMap<>();
            gradient.blocks().forEach((block, value) -> blocks.put(block, Double.isNaN(scale)
                    ? org.nd4j.linalg.factory.Nd4j.valueArrayOf(value.shape(), Double.NaN, value.dataType())
                    : value.mul(scale)));
            return Direction.blockDiagonal(gradient, blocks);
        }
    }
}
