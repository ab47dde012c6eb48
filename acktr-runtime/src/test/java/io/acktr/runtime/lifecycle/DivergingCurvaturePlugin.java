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
 * gives the gradient times {@value #EXPLOSION}: a finite blow-up; {@value #REVERSING} gives the
 * plain gradient except for {@value #REVERSED_UPDATES} updates after update {@value #REVERSING_UPDATE},
 * when it gives its opposite (with the
 * quadratic form of the gradient, so that step rules take it), so the policy learns and then
 * unlearns: a late collapse of the mean return.
 */
public final class DivergingCurvaturePlugin implements AcktrPlugin {
    static final String NON_FINITE = "test-non-finite";
    static final String EXPLODING = "test-exploding";
    static final int EXPLODING_UPDATE = 12;
    static final double EXPLOSION = 1e7;
    static final String REVERSING = "test-reversing";
    static final int REVERSING_UPDATE = 150;
    static final int REVERSED_UPDATES = 50;

    @Override
    public List<Registration<CurvatureEstimatorFactory>> curvatureEstimators() {
        return List.of(CurvatureEstimatorFactory.of(NON_FINITE, () -> new Scaling(NON_FINITE, update -> Double.NaN)),
                CurvatureEstimatorFactory.of(EXPLODING, () -> new Scaling(EXPLODING,
                        update -> update == EXPLODING_UPDATE ? EXPLOSION : 1.0)),
                CurvatureEstimatorFactory.of(REVERSING, () -> new Scaling(REVERSING,
                        update -> update > REVERSING_UPDATE && update <= REVERSING_UPDATE + REVERSED_UPDATES ? -1.0 : 1.0)));
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
            Direction direction = Direction.blockDiagonal(gradient, blocks);
            // a reversed gradient keeps the gradient's own (positive) quadratic form, so step rules size it as usual
            return scale < 0 ? new Direction(blocks, -direction.quadraticForm()) : direction;
        }
    }
}
