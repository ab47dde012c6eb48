package io.acktr.curvature.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.acktr.api.curvature.ConvLayerStatistics;
import io.acktr.api.curvature.FisherPass;
import io.acktr.api.curvature.FisherSample;
import io.acktr.api.curvature.FisherTargets;
import io.acktr.api.curvature.LayerStatistics;
import io.acktr.curvature.diagonal.DiagonalCurvatureEstimator;
import io.acktr.curvature.diagonal.DiagonalSettings;
import io.acktr.curvature.explicit.ExplicitFisherEstimator;
import io.acktr.curvature.explicit.ExplicitFisherSettings;
import io.acktr.curvature.kfac.DampingForm;
import io.acktr.curvature.kfac.KfacCurvatureEstimator;
import io.acktr.curvature.kfac.KfacSettings;
import io.acktr.curvature.kfac.LevenbergMarquardtSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Convolution statistics against direct loops: im2col patches of a small multi-channel image,
 * {@code N} samples with {@code T} locations each.
 */
class ConvolutionStatisticsTest {
    private static final int N = 3;
    private static final int H = 4;
    private static final int W = 5;
    private static final int C_IN = 2;
    private static final int K = 2;
    private static final int C_OUT = 3;
    private static final int OUT_H = H - K + 1;
    private static final int OUT_W = W - K + 1;
    private static final int T = OUT_H * OUT_W;
    private static final int PATCH = C_IN * K * K + 1;

    /** images[n][y][x][c] and the im2col rows a convolution would emit, by an explicit loop. */
    private static double[][][][] images(long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[][][][] images = new double[N][H][W][C_IN];
        for (double[][][] image : images) {
            for (double[][] row : image) {
                for (double[] pixel : row) {
                    for (int c = 0; c < C_IN; c++) {
                        pixel[c] = random.nextGaussian();
                    }
                }
            }
        }
        return images;
    }

    private static double[][] patches(double[][][][] images) {
        double[][] rows = new double[N * T][PATCH];
        for (int n = 0; n < N; n++) {
            for (int oy = 0; oy < OUT_H; oy++) {
                for (int ox = 0; ox < OUT_W; ox++) {
                    double[] row = rows[n * T + oy * OUT_W + ox];
                    int j = 0;
                    for (int c = 0; c < C_IN; c++) {
                        for (int ky = 0; ky < K; ky++) {
                            for (int kx = 0; kx < K; kx++) {
                                row[j++] = images[n][oy + ky][ox + kx][c];
                            }
                        }
                    }
                    row[j] = 1;
                }
            }
        }
        return rows;
    }

    private static double[][] gradients(long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[][] g = new double[N * T][C_OUT];
        for (double[] row : g) {
            for (int j = 0; j < C_OUT; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return g;
    }

    private static ConvLayerStatistics statistics(double[][] patches, double[][] g) {
        return new ConvLayerStatistics("conv", Nd4j.create(patches), Nd4j.create(g), T);
    }

    /** Sample {@code n}'s weight gradient {@code sum_t g_t abar_t^T}, by a loop. */
    private static double[][] perSampleGradient(double[][] patches, double[][] g, int n) {
        double[][] out = new double[C_OUT][PATCH];
        for (int t = 0; t < T; t++) {
            for (int o = 0; o < C_OUT; o++) {
                for (int j = 0; j < PATCH; j++) {
                    out[o][j] += g[n * T + t][o] * patches[n * T + t][j];
                }
            }
        }
        return out;
    }

    @Test
    void kfcFactorsAverageOverSamplesAndLocationsWithGScaledByTheLocationCount() {
        double[][] p = patches(images(1));
        double[][] g = gradients(2);
        KfacCurvatureEstimator kfac = new KfacCurvatureEstimator(new KfacSettings(0.01, DampingForm.EIGEN, 0.9, 1, 1, 0, 0, false, FisherTargets.SAMPLED, new LevenbergMarquardtSettings(KfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10)));
        kfac.observe(FisherPass.of(new FisherSample(List.of(statistics(p, g)), Map.of(), N)));
        INDArray a = kfac.factorA("conv");
        INDArray gFactor = kfac.factorG("conv");
        for (int i = 0; i < PATCH; i++) {
            for (int j = 0; j < PATCH; j++) {
                double expected = 0;
                for (double[] row : p) {
                    expected += row[i] * row[j];
                }
                assertThat(a.getDouble(i, j)).isCloseTo(expected / (N * T), within(1e-12));
            }
        }
        for (int i = 0; i < C_OUT; i++) {
            for (int j = 0; j < C_OUT; j++) {
                double expected = 0;
                for (double[] row : g) {
                    expected += row[i] * row[j];
                }
                // E over samples and locations, times T
                assertThat(gFactor.getDouble(i, j)).isCloseTo(T * expected / (N * T), within(1e-12));
            }
        }
    }

    @Test
    void perSampleGradientsSumOverLocationsLikeADirectLoop() {
        double[][] p = patches(images(3));
        double[][] g = gradients(4);
        INDArray perSample = KroneckerLayer.of(statistics(p, g), "test").perSampleGradients();
        assertThat(perSample.shape()).containsExactly(N, C_OUT, PATCH);
        for (int n = 0; n < N; n++) {
            double[][] expected = perSampleGradient(p, g, n);
            for (int o = 0; o < C_OUT; o++) {
                for (int j = 0; j < PATCH; j++) {
                    assertThat(perSample.getDouble(n, o, j)).isCloseTo(expected[o][j], within(1e-12));
                }
            }
        }
    }

    @Test
    void theDiagonalFisherOfAConvolutionIsTheMeanOfSquaredPerSampleGradients() {
        double[][] p = patches(images(5));
        double[][] g = gradients(6);
        DiagonalCurvatureEstimator diagonal = new DiagonalCurvatureEstimator(new DiagonalSettings(0.01, 0.5));
        diagonal.observe(FisherPass.of(new FisherSample(List.of(statistics(p, g)), Map.of(), N)));
        INDArray d = diagonal.diagonal("conv");
        double[][] expected = new double[C_OUT][PATCH];
        for (int n = 0; n < N; n++) {
            double[][] gi = perSampleGradient(p, g, n);
            for (int o = 0; o < C_OUT; o++) {
                for (int j = 0; j < PATCH; j++) {
                    expected[o][j] += gi[o][j] * gi[o][j] / N;
                }
            }
        }
        for (int o = 0; o < C_OUT; o++) {
            for (int j = 0; j < PATCH; j++) {
                assertThat(d.getDouble(o, j)).isCloseTo(expected[o][j], within(1e-12));
            }
        }
    }

    @Test
    void theExplicitFisherOfAConvolutionIsBuiltFromThePerSampleGradients() {
        double[][] p = patches(images(7));
        double[][] g = gradients(8);
        ExplicitFisherEstimator explicit = new ExplicitFisherEstimator(new ExplicitFisherSettings(0.01, 1000));
        explicit.observe(FisherPass.of(new FisherSample(List.of(statistics(p, g)), Map.of(), N)));
        INDArray f = explicit.fisher();
        int r = 1 * PATCH + 4; // entry (output 1, input 4) in row-major order
        int c = 2 * PATCH + 7;
        double expected = 0;
        for (int n = 0; n < N; n++) {
            double[][] gi = perSampleGradient(p, g, n);
            expected += gi[1][4] * gi[2][7] / N;
        }
        assertThat(f.getDouble(r, c)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void projectedSecondMomentsOfAConvolutionMatchADirectLoop() {
        double[][] p = patches(images(9));
        double[][] g = gradients(10);
        Nd4j.getRandom().setSeed(11);
        INDArray qa = Nd4j.randn(DataType.DOUBLE, PATCH, PATCH);
        INDArray qg = Nd4j.randn(DataType.DOUBLE, C_OUT, C_OUT);
        INDArray moments = KroneckerLayer.of(statistics(p, g), "test").projectedMeanSquare(qg, qa);
        double[][] expected = new double[C_OUT][PATCH];
        for (int n = 0; n < N; n++) {
            INDArray projected = qg.transpose().mmul(Nd4j.create(perSampleGradient(p, g, n))).mmul(qa);
            for (int o = 0; o < C_OUT; o++) {
                for (int j = 0; j < PATCH; j++) {
                    expected[o][j] += Math.pow(projected.getDouble(o, j), 2) / N;
                }
            }
        }
        for (int o = 0; o < C_OUT; o++) {
            for (int j = 0; j < PATCH; j++) {
                assertThat(moments.getDouble(o, j)).isCloseTo(expected[o][j], within(1e-9));
            }
        }
    }

    @Test
    void aLayerOfAnUnknownKindIsRefusedNamingTheEstimatorAndTheLayer() {
        LayerStatistics odd = new LayerStatistics() {
            @Override
            public String parameterName() {
                return "attention/0";
            }

            @Override
            public int batchSize() {
                return 1;
            }
        };
        assertThatThrownBy(() -> KroneckerLayer.of(odd, "kfac"))
                .hasMessageContaining("kfac").hasMessageContaining("attention/0");
    }
}
