package io.acktr.curvature.diagonal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.acktr.api.curvature.DenseLayerStatistics;
import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.FisherPass;
import io.acktr.api.curvature.FisherSample;
import io.acktr.api.curvature.Gradient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DiagonalCurvatureEstimatorTest {
    @Test
    void denseLayerDiagonalEqualsTheMeanSquaredPerSampleGradientFromAnExplicitLoop() {
        Nd4j.getRandom().setSeed(3);
        int n = 9;
        INDArray abar = Nd4j.hstack(Nd4j.randn(DataType.DOUBLE, n, 3), Nd4j.ones(DataType.DOUBLE, n, 1));
        INDArray g = Nd4j.randn(DataType.DOUBLE, n, 2);
        DiagonalCurvatureEstimator diagonal = new DiagonalCurvatureEstimator(new DiagonalSettings(0.01, 0.9));
        diagonal.observe(FisherPass.of(new FisherSample(List.of(new DenseLayerStatistics("w", abar, g)), Map.of(), n)));

        INDArray actual = diagonal.diagonal("w");
        for (int j = 0; j < 2; j++) {
            for (int k = 0; k < 4; k++) {
                double expected = 0;
                for (int i = 0; i < n; i++) {
                    double perSample = g.getDouble(i, j) * abar.getDouble(i, k);
                    expected += perSample * perSample / n;
                }
                assertThat(actual.getDouble(j, k)).isCloseTo(expected, within(1e-12));
            }
        }
    }

    @Test
    void theDirectionDividesTheGradientByTheDampedDiagonal() {
        INDArray perSample = Nd4j.create(new double[][] {{2}, {0}});
        DiagonalCurvatureEstimator diagonal = new DiagonalCurvatureEstimator(new DiagonalSettings(0.5, 0.9));
        diagonal.observe(FisherPass.of(new FisherSample(List.of(), Map.of("log_std", perSample), 2)));
        INDArray gradient = Nd4j.create(new double[][] {{5}});
        Direction d = diagonal.precondition(new Gradient(Map.of("log_std", gradient)));
        // E[g^2] = (4 + 0) / 2 = 2; Delta = 5 / (2 + 0.5)
        assertThat(d.blocks().get("log_std").getDouble(0)).isCloseTo(2.0, within(1e-12));
        assertThat(d.quadraticForm()).isCloseTo(10.0, within(1e-12));
    }

    @Test
    void aBatchWithInfinityIsLeftOutOfTheDiagonal() {
        DiagonalCurvatureEstimator diagonal = new DiagonalCurvatureEstimator(new DiagonalSettings(0.5, 0.9));
        diagonal.observe(FisherPass.of(new FisherSample(List.of(), Map.of("log_std", Nd4j.create(new double[][] {{2}, {0}})), 2)));
        diagonal.observe(FisherPass.of(new FisherSample(List.of(), Map.of("log_std", Nd4j.create(new double[][] {{Double.POSITIVE_INFINITY}, {0}})), 2)));
        assertThat(diagonal.diagonal("log_std").getDouble(0)).isCloseTo(2.0, within(1e-12));
    }
}
