package io.acktr.policies.distributions;

import static io.acktr.policies.GradientCheck.assertGradientMatches;
import static io.acktr.policies.GradientCheck.gaussian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

class DiagonalGaussianDistributionTest {
    /**
     * Three-point Gauss-Hermite rule for a standard normal: {@code E[f(z)]} exactly for polynomials of
     * degree <= 5. Every entry of a score outer product is a polynomial of degree <= 4 in each {@code z_j}.
     */
    private static final double[] NODES = {-Math.sqrt(3), 0, Math.sqrt(3)};
    private static final double[] WEIGHTS = {1.0 / 6, 2.0 / 3, 1.0 / 6};

    private final Random random = new Random(23);
    private final INDArray mean = gaussian(random, 1, 4, 3);
    private final INDArray logStd = gaussian(random, 0.5, 1, 3);
    private final INDArray actions = gaussian(random, 1, 4, 3);

    /** {@code [mean, logStd]} with the log-std repeated on every row, as the policy feeds it. */
    private INDArray parameters() {
        return Nd4j.hstack(mean, Nd4j.zeros(DataType.DOUBLE, 4, 3).addiRowVector(logStd));
    }

    @Test
    void logProbMatchesTheDensityFormula() {
        INDArray logProb = new DiagonalGaussianDistribution(mean, logStd).logProb(actions);
        assertThat(logProb.shape()).containsExactly(4, 1);
        for (int i = 0; i < 4; i++) {
            double expected = 0;
            for (int j = 0; j < 3; j++) {
                double sigma = Math.exp(logStd.getDouble(0, j));
                double z = (actions.getDouble(i, j) - mean.getDouble(i, j)) / sigma;
                expected += -0.5 * z * z - Math.log(sigma) - 0.5 * Math.log(2 * Math.PI);
            }
            assertThat(logProb.getDouble(i, 0)).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void logProbGradientMatchesFiniteDifferencesForMeanAndLogStd() {
        INDArray coefficients = gaussian(random, 1, 4, 1);
        INDArray parameters = parameters();
        INDArray analytic = DiagonalGaussianDistribution.fromParameters(parameters).logProbGradient(actions)
                .mulColumnVector(coefficients);
        assertGradientMatches("dlogp/d[mean, logStd]", analytic, parameters,
                () -> DiagonalGaussianDistribution.fromParameters(parameters).logProb(actions).mul(coefficients)
                        .sumNumber().doubleValue());
    }

    @Test
    void entropyGradientMatchesFiniteDifferencesForMeanAndLogStd() {
        INDArray coefficients = gaussian(random, 1, 4, 1);
        INDArray parameters = parameters();
        INDArray analytic = DiagonalGaussianDistribution.fromParameters(parameters).entropyGradient()
                .mulColumnVector(coefficients);
        assertGradientMatches("dH/d[mean, logStd]", analytic, parameters,
                () -> DiagonalGaussianDistribution.fromParameters(parameters).entropy().mul(coefficients)
                        .sumNumber().doubleValue());
    }

    @Test
    void entropyIsHalfLogDeterminantOfTwoPiECovariance() {
        INDArray entropy = new DiagonalGaussianDistribution(mean, logStd).entropy();
        double expected = 0;
        for (int j = 0; j < 3; j++) {
            double variance = Math.exp(2 * logStd.getDouble(0, j));
            expected += 0.5 * Math.log(2 * Math.PI * Math.E * variance);
        }
        for (int i = 0; i < 4; i++) {
            assertThat(entropy.getDouble(i, 0)).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void klOfADistributionWithItselfIsZeroAndWithAnotherIsPositive() {
        DiagonalGaussianDistribution p = new DiagonalGaussianDistribution(mean, logStd);
        DiagonalGaussianDistribution q = new DiagonalGaussianDistribution(gaussian(random, 1, 4, 3),
                gaussian(random, 0.5, 1, 3));
        INDArray self = p.kl(p);
        INDArray other = p.kl(q);
        for (int i = 0; i < 4; i++) {
            assertThat(self.getDouble(i, 0)).isCloseTo(0.0, within(1e-12));
            assertThat(other.getDouble(i, 0)).isPositive();
        }
    }

    @Test
    void klMatchesTheClosedFormForOneDimension() {
        INDArray m1 = Nd4j.create(new double[] {0.3}, new long[] {1, 1}, DataType.DOUBLE);
        INDArray m2 = Nd4j.create(new double[] {-0.4}, new long[] {1, 1}, DataType.DOUBLE);
        INDArray s1 = Nd4j.create(new double[] {Math.log(0.5)}, new long[] {1, 1}, DataType.DOUBLE);
        INDArray s2 = Nd4j.create(new double[] {Math.log(2.0)}, new long[] {1, 1}, DataType.DOUBLE);
        double expected = Math.log(2.0 / 0.5) + (0.25 + 0.49) / (2 * 4.0) - 0.5;
        assertThat(new DiagonalGaussianDistribution(m1, s1).kl(new DiagonalGaussianDistribution(m2, s2)).getDouble(0, 0))
                .isCloseTo(expected, within(1e-12));
    }

    @Test
    void sampleMomentsMatchMeanAndStd() {
        int n = 20_000;
        INDArray rowMean = Nd4j.create(new double[] {1.5, -2.0}, new long[] {1, 2}, DataType.DOUBLE);
        INDArray rowLogStd = Nd4j.create(new double[] {Math.log(0.5), Math.log(2.0)}, new long[] {1, 2}, DataType.DOUBLE);
        DiagonalGaussianDistribution d = new DiagonalGaussianDistribution(
                Nd4j.zeros(DataType.DOUBLE, n, 2).addiRowVector(rowMean), rowLogStd);
        INDArray samples = d.sample(new SplittableRandom(9));
        assertThat(samples.shape()).containsExactly(n, 2);
        INDArray sampleMean = samples.mean(0);
        INDArray sampleStd = samples.std(0);
        assertThat(sampleMean.getDouble(0)).isCloseTo(1.5, within(0.02));
        assertThat(sampleMean.getDouble(1)).isCloseTo(-2.0, within(0.06));
        assertThat(sampleStd.getDouble(0)).isCloseTo(0.5, within(0.02));
        assertThat(sampleStd.getDouble(1)).isCloseTo(2.0, within(0.06));
    }

    @Test
    void sharedLogStdIsBroadcastToEveryRowAndParametersAreMeanThenLogStd() {
        DiagonalGaussianDistribution d = new DiagonalGaussianDistribution(mean, logStd);
        assertThat(d.parameterWidth()).isEqualTo(6);
        assertThat(d.actionWidth()).isEqualTo(3);
        assertThat(d.parameters()).isEqualTo(parameters());
        assertThat(d.mode()).isEqualTo(mean);
    }

    @Test
    void fisherVectorProductEqualsTheExpectationOfScoreOuterProductsByExactQuadrature() {
        INDArray rowLogStd = gaussian(random, 0.5, 4, 3);
        DiagonalGaussianDistribution d = new DiagonalGaussianDistribution(mean, rowLogStd);
        INDArray std = Transforms.exp(d.logStd(), true);
        INDArray tangent = gaussian(random, 1, 4, 6);

        INDArray explicit = Nd4j.zeros(DataType.DOUBLE, 4, 6);
        for (int node = 0; node < 27; node++) {
            int[] digits = {node % 3, node / 3 % 3, node / 9};
            double[] z = new double[3];
            double weight = 1;
            for (int j = 0; j < 3; j++) {
                z[j] = NODES[digits[j]];
                weight *= WEIGHTS[digits[j]];
            }
            INDArray standardNormal = Nd4j.create(z, new long[] {1, 3}, DataType.DOUBLE);
            INDArray nodeActions = std.mulRowVector(standardNormal).addi(mean);
            INDArray score = d.logProbGradient(nodeActions);
            explicit.addi(score.mulColumnVector(score.mul(tangent).sum(true, 1).muli(weight)));
        }
        assertClose(d.fisherVectorProduct(tangent), explicit, 1e-12);
    }

    @Test
    void quadratureRuleReproducesTheStandardNormalMomentsUpToTheFifth() {
        double[] moments = {1, 0, 1, 0, 3, 0};
        for (int power = 0; power < moments.length; power++) {
            double sum = 0;
            for (int q = 0; q < 3; q++) {
                sum += WEIGHTS[q] * Math.pow(NODES[q], power);
            }
            assertThat(sum).as("E[z^%d]", power).isCloseTo(moments[power], within(1e-12));
        }
    }

    @Test
    void fisherIsOneOverVarianceForTheMeanAndTwoForTheLogStd() {
        DiagonalGaussianDistribution d = new DiagonalGaussianDistribution(mean, logStd);
        INDArray tangent = gaussian(random, 1, 4, 6);
        INDArray product = d.fisherVectorProduct(tangent);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                double variance = Math.exp(2 * logStd.getDouble(0, j));
                assertThat(product.getDouble(i, j)).isCloseTo(tangent.getDouble(i, j) / variance, within(1e-12));
                assertThat(product.getDouble(i, 3 + j)).isCloseTo(2 * tangent.getDouble(i, 3 + j), within(1e-12));
            }
        }
    }

    @Test
    void fisherQuadraticFormIsTheCurvatureOfTheKlAtZero() {
        INDArray parameters = parameters();
        DiagonalGaussianDistribution d = DiagonalGaussianDistribution.fromParameters(parameters);
        INDArray tangent = gaussian(random, 1, 4, 6);
        double step = 1e-3;
        INDArray klPlus = d.kl(DiagonalGaussianDistribution.fromParameters(parameters.add(tangent.mul(step))));
        INDArray klMinus = d.kl(DiagonalGaussianDistribution.fromParameters(parameters.sub(tangent.mul(step))));
        INDArray secondDifference = klPlus.add(klMinus).divi(step * step);
        INDArray quadraticForm = d.fisherVectorProduct(tangent).mul(tangent).sum(true, 1);
        for (int i = 0; i < 4; i++) {
            assertThat(quadraticForm.getDouble(i, 0)).isPositive()
                    .isCloseTo(secondDifference.getDouble(i, 0), within(1e-5 * quadraticForm.getDouble(i, 0)));
        }
    }

    @Test
    void fisherVectorProductRejectsATangentOfTheWrongWidth() {
        DiagonalGaussianDistribution d = new DiagonalGaussianDistribution(mean, logStd);
        assertThatThrownBy(() -> d.fisherVectorProduct(Nd4j.zeros(DataType.DOUBLE, 4, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 x 6");
    }

    private static void assertClose(INDArray actual, INDArray expected, double tolerance) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        for (long i = 0; i < expected.length(); i++) {
            assertThat(actual.getDouble(i)).as("entry %d", i).isCloseTo(expected.getDouble(i), within(tolerance));
        }
    }

    @Test
    void eachRowDrawsItsNoiseFromItsOwnGeneratorWhateverRowsShareTheBatch() {
        org.nd4j.linalg.api.ndarray.INDArray mean = org.nd4j.linalg.factory.Nd4j.create(new double[][] {{0.5, -1}, {2, 0}});
        org.nd4j.linalg.api.ndarray.INDArray logStd = org.nd4j.linalg.factory.Nd4j.create(new double[][] {{0, -0.5}});
        DiagonalGaussianDistribution both = new DiagonalGaussianDistribution(mean, logStd);
        org.nd4j.linalg.api.ndarray.INDArray together = both.sample(java.util.List.of(new java.util.SplittableRandom(7),
                new java.util.SplittableRandom(8)));
        DiagonalGaussianDistribution second = new DiagonalGaussianDistribution(mean.getRow(1, true).dup(), logStd);
        org.nd4j.linalg.api.ndarray.INDArray alone = second.sample(java.util.List.of(new java.util.SplittableRandom(8)));
        assertThat(alone.getRow(0).toDoubleVector()).containsExactly(together.getRow(1).toDoubleVector());
    }
}
