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

class CategoricalDistributionTest {
    private final Random random = new Random(17);
    private final INDArray logits = gaussian(random, 2, 5, 4);
    private final INDArray actions = Nd4j.create(new double[] {0, 3, 1, 2, 3}, new long[] {5, 1}, DataType.DOUBLE);

    @Test
    void logProbabilitiesAreANormalisedLogSoftmaxEvenForHugeLogits() {
        INDArray huge = Nd4j.create(new double[] {1000, 1001, 999}, new long[] {1, 3}, DataType.DOUBLE);
        CategoricalDistribution d = new CategoricalDistribution(huge);
        double z = Math.log(Math.exp(-1) + 1 + Math.exp(-2));
        assertThat(d.logProbabilities().getDouble(0, 0)).isCloseTo(-1 - z, within(1e-12));
        assertThat(d.logProbabilities().getDouble(0, 1)).isCloseTo(-z, within(1e-12));
        assertThat(d.probabilities().sumNumber().doubleValue()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void logProbPicksTheLogProbabilityOfEachRowsAction() {
        CategoricalDistribution d = new CategoricalDistribution(logits);
        INDArray logProb = d.logProb(actions);
        assertThat(logProb.shape()).containsExactly(5, 1);
        for (int i = 0; i < 5; i++) {
            assertThat(logProb.getDouble(i, 0))
                    .isCloseTo(d.logProbabilities().getDouble(i, (int) actions.getDouble(i, 0)), within(1e-12));
        }
    }

    @Test
    void logProbGradientMatchesFiniteDifferences() {
        INDArray coefficients = gaussian(random, 1, 5, 1);
        CategoricalDistribution d = new CategoricalDistribution(logits);
        assertGradientMatches("dlogp/dz", d.logProbGradient(actions).mulColumnVector(coefficients), logits,
                () -> new CategoricalDistribution(logits).logProb(actions).mul(coefficients).sumNumber().doubleValue());
    }

    @Test
    void sampledLogProbGradientEqualsTheGradientAtTheActionsSampleDrawsFromTheSameSeed() {
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            CategoricalDistribution d = new CategoricalDistribution(gaussian(random, 2, 200, 4).castTo(type));
            INDArray fused = d.sampledLogProbGradient(new SplittableRandom(5));
            INDArray separate = d.logProbGradient(d.sample(new SplittableRandom(5)));
            assertThat(fused.dataType()).isEqualTo(type);
            assertThat(fused).isEqualTo(separate);
            assertThat(fused.sub(d.logProbGradient(d.sample(new SplittableRandom(6)))).amaxNumber().doubleValue())
                    .as("another seed samples other actions").isGreaterThan(0.5);
        }
    }

    @Test
    void entropyGradientMatchesFiniteDifferences() {
        INDArray coefficients = gaussian(random, 1, 5, 1);
        CategoricalDistribution d = new CategoricalDistribution(logits);
        assertGradientMatches("dH/dz", d.entropyGradient().mulColumnVector(coefficients), logits,
                () -> new CategoricalDistribution(logits).entropy().mul(coefficients).sumNumber().doubleValue());
    }

    @Test
    void entropyOfUniformLogitsIsLogK() {
        CategoricalDistribution d = new CategoricalDistribution(Nd4j.zeros(DataType.DOUBLE, 2, 6).addi(3.0));
        assertThat(d.entropy().getDouble(0, 0)).isCloseTo(Math.log(6), within(1e-12));
        assertThat(d.entropy().getDouble(1, 0)).isCloseTo(Math.log(6), within(1e-12));
    }

    @Test
    void klOfADistributionWithItselfIsZeroAndWithAnotherIsPositive() {
        CategoricalDistribution p = new CategoricalDistribution(logits);
        CategoricalDistribution q = new CategoricalDistribution(gaussian(random, 2, 5, 4));
        INDArray self = p.kl(p);
        INDArray other = p.kl(q);
        assertThat(self.shape()).containsExactly(5, 1);
        for (int i = 0; i < 5; i++) {
            assertThat(self.getDouble(i, 0)).isCloseTo(0.0, within(1e-12));
            assertThat(other.getDouble(i, 0)).isPositive();
        }
    }

    @Test
    void klRejectsAnotherKindOfDistribution() {
        CategoricalDistribution p = new CategoricalDistribution(logits);
        DiagonalGaussianDistribution g = new DiagonalGaussianDistribution(Nd4j.zeros(DataType.DOUBLE, 5, 2),
                Nd4j.zeros(DataType.DOUBLE, 1, 2));
        assertThatThrownBy(() -> p.kl(g)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sampleFrequenciesMatchTheProbabilities() {
        double[] p = {0.2, 0.3, 0.5};
        int n = 20_000;
        INDArray rowLogits = Nd4j.create(new double[] {Math.log(p[0]), Math.log(p[1]), Math.log(p[2])},
                new long[] {1, 3}, DataType.DOUBLE);
        CategoricalDistribution d = new CategoricalDistribution(Nd4j.zeros(DataType.DOUBLE, n, 3).addiRowVector(rowLogits));
        INDArray samples = d.sample(new SplittableRandom(42));
        assertThat(samples.shape()).containsExactly(n, 1);
        int[] counts = new int[3];
        for (double a : samples.dup().data().asDouble()) {
            counts[(int) a]++;
        }
        for (int j = 0; j < 3; j++) {
            assertThat(counts[j] / (double) n).as("frequency of %d", j).isCloseTo(p[j], within(0.015));
        }
    }

    @Test
    void samplingIsReproducibleForTheSameSeed() {
        CategoricalDistribution d = new CategoricalDistribution(logits);
        assertThat(d.sample(new SplittableRandom(1))).isEqualTo(d.sample(new SplittableRandom(1)));
    }

    @Test
    void modeIsTheArgmaxOfEachRow() {
        INDArray l = Nd4j.create(new double[] {0, 2, 1, 5, 0, 1}, new long[] {2, 3}, DataType.DOUBLE);
        INDArray mode = new CategoricalDistribution(l).mode();
        assertThat(mode.shape()).containsExactly(2, 1);
        assertThat(mode.getDouble(0, 0)).isEqualTo(1.0);
        assertThat(mode.getDouble(1, 0)).isEqualTo(0.0);
    }

    @Test
    void fisherVectorProductEqualsTheExpectationOfScoreOuterProductsOverEveryAction() {
        CategoricalDistribution d = new CategoricalDistribution(logits);
        INDArray tangent = gaussian(random, 1, 5, 4);
        INDArray explicit = Nd4j.zeros(DataType.DOUBLE, 5, 4);
        for (int action = 0; action < 4; action++) {
            INDArray everyRowTakes = Nd4j.zeros(DataType.DOUBLE, 5, 1).addi(action);
            INDArray score = d.logProbGradient(everyRowTakes);
            INDArray weight = d.probabilities().getColumn(action).reshape(5, 1).mul(score.mul(tangent).sum(true, 1));
            explicit.addi(score.mulColumnVector(weight));
        }
        assertClose(d.fisherVectorProduct(tangent), explicit, 1e-12);
    }

    @Test
    void fisherQuadraticFormIsTheCurvatureOfTheKlAtZero() {
        CategoricalDistribution d = new CategoricalDistribution(logits);
        INDArray tangent = gaussian(random, 1, 5, 4);
        double step = 1e-3;
        INDArray klPlus = d.kl(new CategoricalDistribution(logits.add(tangent.mul(step))));
        INDArray klMinus = d.kl(new CategoricalDistribution(logits.sub(tangent.mul(step))));
        INDArray secondDifference = klPlus.add(klMinus).divi(step * step);
        INDArray quadraticForm = d.fisherVectorProduct(tangent).mul(tangent).sum(true, 1);
        for (int i = 0; i < 5; i++) {
            assertThat(quadraticForm.getDouble(i, 0)).isPositive()
                    .isCloseTo(secondDifference.getDouble(i, 0), within(1e-5 * quadraticForm.getDouble(i, 0)));
        }
    }

    @Test
    void fisherVectorProductRejectsATangentOfTheWrongWidth() {
        CategoricalDistribution d = new CategoricalDistribution(logits);
        assertThatThrownBy(() -> d.fisherVectorProduct(Nd4j.zeros(DataType.DOUBLE, 5, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5 x 4");
    }

    @Test
    void logProbRejectsAnActionOutOfRange() {
        CategoricalDistribution d = new CategoricalDistribution(logits);
        INDArray bad = Nd4j.create(new double[] {0, 4, 1, 2, 3}, new long[] {5, 1}, DataType.DOUBLE);
        assertThatThrownBy(() -> d.logProb(bad)).hasMessageContaining("row 1");
    }

    private static void assertClose(INDArray actual, INDArray expected, double tolerance) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        for (long i = 0; i < expected.length(); i++) {
            assertThat(actual.getDouble(i)).as("entry %d", i).isCloseTo(expected.getDouble(i), within(tolerance));
        }
    }

    @Test
    void eachRowSamplesFromItsOwnGeneratorWhateverRowsShareTheBatch() {
        org.nd4j.linalg.api.ndarray.INDArray logits = org.nd4j.linalg.factory.Nd4j.create(new double[][] {{0.1, 2, -1}, {1, 1, 1}, {-3, 0, 3}});
        CategoricalDistribution all = new CategoricalDistribution(logits);
        double[] together = all.sample(java.util.List.of(new java.util.SplittableRandom(1), new java.util.SplittableRandom(2),
                new java.util.SplittableRandom(3))).toDoubleVector();
        for (int i = 0; i < 3; i++) {
            CategoricalDistribution alone = new CategoricalDistribution(logits.getRow(i, true).dup());
            assertThat(alone.sample(java.util.List.of(new java.util.SplittableRandom(i + 1))).getDouble(0)).isEqualTo(together[i]);
        }
    }
}
