package org.example.curvature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.acktr.api.curvature.ConvLayerStatistics;
import io.acktr.api.curvature.CurvatureRequirements;
import io.acktr.api.curvature.DenseLayerStatistics;
import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.FisherPass;
import io.acktr.api.curvature.FisherSample;
import io.acktr.api.curvature.FisherTargets;
import io.acktr.api.curvature.Gradient;
import io.acktr.api.curvature.LayerStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LayerScalarFisherEstimatorTest {
    private static LayerScalarFisherEstimator estimator(double damping, double statsDecay) {
        return new LayerScalarFisherEstimator(new LayerScalarSettings(damping, statsDecay, FisherTargets.SAMPLED));
    }

    /**
     * A dense layer {@code "dense"} (1 output, 1 input and the bias) with per-sample gradients
     * {@code G_1 = 1 * [1, 1]} and {@code G_2 = 3 * [2, 1]}: {@code ||G||^2 = 2} and {@code 45}, so
     * {@code s = (2 + 45) / (2 samples x 2 entries) = 11.75}. A block {@code "log-std"} without
     * Kronecker structure with per-sample gradients {@code [1, 1]} and {@code [1, 2]}:
     * {@code s = (1 + 1 + 1 + 4) / (2 x 2) = 1.75}.
     */
    private static FisherSample handComputedSample() {
        DenseLayerStatistics dense = new DenseLayerStatistics("dense",
                Nd4j.createFromArray(new double[][] {{1, 1}, {2, 1}}), Nd4j.createFromArray(new double[][] {{1}, {3}}));
        return new FisherSample(List.of(dense), Map.of("log-std", Nd4j.createFromArray(new double[][] {{1, 1}, {1, 2}})), 2);
    }

    private static Gradient gradient(INDArray dense, INDArray logStd) {
        Map<String, INDArray> blocks = new LinkedHashMap<>();
        blocks.put("dense", dense);
        blocks.put("log-std", logStd);
        return new Gradient(blocks);
    }

    @Test
    void eachBlockIsDividedByItsMeanSquaredPerSampleGradientPlusDamping() {
        LayerScalarFisherEstimator estimator = estimator(0.25, 0.95);
        estimator.observe(FisherPass.of(handComputedSample()));

        Direction direction = estimator.precondition(gradient(Nd4j.createFromArray(new double[][] {{2, 4}}), Nd4j.createFromArray(2.0, -4.0)));

        assertEquals(11.75, estimator.scalars().get("dense"), 1e-12);
        assertEquals(1.75, estimator.scalars().get("log-std"), 1e-12);
        // Delta = grad / (s + 0.25): / 12 and / 2.
        assertArrayEquals(new double[] {1.0 / 6, 1.0 / 3}, direction.blocks().get("dense").reshape(2).toDoubleVector(), 1e-12);
        assertArrayEquals(new double[] {1, -2}, direction.blocks().get("log-std").toDoubleVector(), 1e-12);
        // Delta^T F Delta = sum_b ||grad_b||^2 / (s_b + damping) = 20 / 12 + 20 / 2.
        assertEquals(20.0 / 12 + 10, direction.quadraticForm(), 1e-12);
        assertEquals(20.0 / 12, direction.blockQuadraticForms().get("dense"), 1e-12);
    }

    /**
     * Two samples of a convolution with 2 locations, 1 output channel and patches of 1 value plus the
     * bias: {@code G_1 = 1 * [1, 1] + 1 * [2, 1] = [3, 2]} and {@code G_2 = 2 * [0, 1] - 1 * [1, 1] = [-1, 1]},
     * so {@code s = (13 + 2) / (2 x 2) = 3.75}. Summing the squares of the locations' gradients
     * instead would give {@code (2 + 5 + 4 + 2) / 4 = 3.25}.
     */
    @Test
    void aConvolutionsPerSampleGradientSumsItsLocationsBeforeSquaring() {
        ConvLayerStatistics conv = new ConvLayerStatistics("conv",
                Nd4j.createFromArray(new double[][] {{1, 1}, {2, 1}, {0, 1}, {1, 1}}),
                Nd4j.createFromArray(new double[][] {{1}, {1}, {2}, {-1}}), 2);

        assertEquals(3.75, LayerScalarFisherEstimator.meanSquaredEntry(conv), 1e-12);
    }

    @Test
    void theScalarsAreRunningAveragesThatStartAtTheFirstBatch() {
        LayerScalarFisherEstimator estimator = estimator(0.25, 0.5);
        FisherSample doubled = new FisherSample(List.of(), Map.of("log-std", Nd4j.createFromArray(new double[][] {{2, 2}, {2, 4}})), 2);

        estimator.observe(FisherPass.of(handComputedSample()));
        estimator.observe(FisherPass.of(doubled));

        assertEquals(0.5 * 1.75 + 0.5 * 7, estimator.scalars().get("log-std"), 1e-12);
        assertEquals(11.75, estimator.scalars().get("dense"), 1e-12, "a block missing from a batch keeps its value");
    }

    @Test
    void theDirectionKeepsTheGradientsDataType() {
        LayerScalarFisherEstimator estimator = estimator(0.25, 0.95);
        estimator.observe(FisherPass.of(handComputedSample()));

        Direction direction = estimator.precondition(gradient(Nd4j.createFromArray(new float[][] {{2, 4}}), Nd4j.createFromArray(2f, -4f)));

        assertEquals(DataType.FLOAT, direction.blocks().get("dense").dataType());
        assertArrayEquals(new float[] {1f / 6, 1f / 3}, direction.blocks().get("dense").reshape(2).toFloatVector(), 1e-6f);
    }

    @Test
    void aBlockWithoutStatisticsIsAnErrorNamingIt() {
        LayerScalarFisherEstimator estimator = estimator(0.25, 0.95);
        estimator.observe(FisherPass.of(handComputedSample()));
        Map<String, INDArray> blocks = new LinkedHashMap<>();
        blocks.put("dense", Nd4j.zeros(1, 2));
        blocks.put("head", Nd4j.zeros(3));

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> estimator.precondition(new Gradient(blocks)));

        assertTrue(error.getMessage().contains("parameter block head"), error.getMessage());
    }

    @Test
    void statisticsOfAnUnknownKindOfLayerAreRefusedNamingTheLayer() {
        LayerStatistics unknown = new LayerStatistics() {
            @Override
            public String parameterName() {
                return "attention";
            }

            @Override
            public int batchSize() {
                return 1;
            }
        };

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> LayerScalarFisherEstimator.meanSquaredEntry(unknown));

        assertTrue(error.getMessage().contains("layer attention"), error.getMessage());
    }

    @Test
    void itAsksForTheLayerStatisticsOfTheConfiguredFisherPassOnly() {
        CurvatureRequirements sampled = estimator(0.25, 0.95).requirements();
        CurvatureRequirements empirical =
                new LayerScalarFisherEstimator(new LayerScalarSettings(0.25, 0.95, FisherTargets.EMPIRICAL)).requirements();

        assertEquals(CurvatureRequirements.statistics(FisherTargets.SAMPLED), sampled);
        assertEquals(CurvatureRequirements.statistics(FisherTargets.EMPIRICAL), empirical);
    }
}
