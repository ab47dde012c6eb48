package io.acktr.policies.distributions;

import static io.acktr.policies.GradientCheck.assertGradientMatches;
import static io.acktr.policies.GradientCheck.gaussian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DiagonalGaussianDistributionTest {
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
}
