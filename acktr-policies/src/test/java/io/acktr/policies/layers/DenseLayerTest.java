package io.acktr.policies.layers;

import static io.acktr.policies.GradientCheck.assertGradientMatches;
import static io.acktr.policies.GradientCheck.gaussian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class DenseLayerTest {
    private final DenseLayer layer = new DenseLayer("test", 4, 3);
    private final Random random = new Random(7);

    @Test
    void homogeneousInputAppendsAColumnOfOnes() {
        INDArray a = gaussian(random, 1, 5, 4);
        INDArray abar = layer.homogeneousInput(a);
        assertThat(abar.shape()).containsExactly(5, 5);
        assertThat(abar.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 4))).isEqualTo(a);
        assertThat(abar.getColumn(4)).isEqualTo(Nd4j.ones(DataType.DOUBLE, 5));
    }

    @Test
    void forwardIsInputTimesWeightsTransposedPlusBias() {
        INDArray w = gaussian(random, 1, 3, 5);
        INDArray a = gaussian(random, 1, 2, 4);
        INDArray s = layer.forward(w, layer.homogeneousInput(a));
        for (int i = 0; i < 2; i++) {
            for (int o = 0; o < 3; o++) {
                double expected = w.getDouble(o, 4);
                for (int j = 0; j < 4; j++) {
                    expected += a.getDouble(i, j) * w.getDouble(o, j);
                }
                assertThat(s.getDouble(i, o)).isCloseTo(expected, within(1e-12));
            }
        }
    }

    @Test
    void weightGradientMatchesFiniteDifferences() {
        INDArray w = gaussian(random, 1, 3, 5);
        INDArray a = gaussian(random, 1, 6, 4);
        INDArray coefficients = gaussian(random, 1, 6, 3);
        INDArray abar = layer.homogeneousInput(a);
        assertGradientMatches("dW", layer.weightGradient(abar, coefficients), w,
                () -> layer.forward(w, abar).mul(coefficients).sumNumber().doubleValue());
    }

    @Test
    void inputGradientMatchesFiniteDifferences() {
        INDArray w = gaussian(random, 1, 3, 5);
        INDArray a = gaussian(random, 1, 6, 4);
        INDArray coefficients = gaussian(random, 1, 6, 3);
        assertGradientMatches("dA", layer.inputGradient(w, coefficients), a,
                () -> layer.forward(w, layer.homogeneousInput(a)).mul(coefficients).sumNumber().doubleValue());
    }

    @Test
    void preActivationTangentIsTheCentralDifferenceAlongInputAndWeights() {
        INDArray w = gaussian(random, 1, 3, 5);
        INDArray a = gaussian(random, 1, 6, 4);
        INDArray inputTangent = gaussian(random, 1, 6, 4);
        INDArray weightTangent = gaussian(random, 1, 3, 5);
        double step = 1e-3;
        INDArray plus = layer.forward(w.add(weightTangent.mul(step)), layer.homogeneousInput(a.add(inputTangent.mul(step))));
        INDArray minus = layer.forward(w.sub(weightTangent.mul(step)), layer.homogeneousInput(a.sub(inputTangent.mul(step))));

        INDArray tangent = layer.preActivationTangent(w, layer.homogeneousInput(a), inputTangent, weightTangent);

        assertClose(tangent, plus.sub(minus).divi(2 * step));
        assertClose(layer.preActivationTangent(w, layer.homogeneousInput(a), inputTangent, null),
                inputTangent.mmul(w.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 4)).transpose()));
        assertThat(layer.preActivationTangent(w, layer.homogeneousInput(a), null, null)).as("zero tangent").isNull();
    }

    @Test
    void rejectsWeightsOfTheWrongShapeNamingTheLayer() {
        INDArray abar = layer.homogeneousInput(gaussian(random, 1, 2, 4));
        assertThatThrownBy(() -> layer.forward(Nd4j.zeros(DataType.DOUBLE, 3, 4), abar))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer test")
                .hasMessageContaining("3 x 5");
    }

    @Test
    void orthogonalInitOfATallMatrixHasOrthogonalColumnsScaledByTheGain() {
        DenseLayer tall = new DenseLayer("tall", 5, 8);
        INDArray w = tall.orthogonalWeights(Math.sqrt(2), new Random(3), DataType.DOUBLE);
        INDArray weights = w.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 5));
        assertClose(weights.transpose().mmul(weights), Nd4j.eye(5).castTo(DataType.DOUBLE).muli(2.0));
        assertThat(w.getColumn(5).dup()).isEqualTo(Nd4j.zeros(DataType.DOUBLE, 8));
    }

    @Test
    void orthogonalInitOfAWideMatrixHasOrthogonalRowsScaledByTheGain() {
        DenseLayer wide = new DenseLayer("wide", 6, 3);
        INDArray w = wide.orthogonalWeights(0.01, new Random(3), DataType.DOUBLE);
        INDArray weights = w.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 6));
        assertClose(weights.mmul(weights.transpose()), Nd4j.eye(3).castTo(DataType.DOUBLE).muli(1e-4));
        assertThat(w.getColumn(6).dup()).isEqualTo(Nd4j.zeros(DataType.DOUBLE, 3));
    }

    @Test
    void orthogonalInitIsReproducibleForTheSameSeedAndDiffersForAnother() {
        INDArray first = layer.orthogonalWeights(1.0, new Random(11), DataType.FLOAT);
        INDArray again = layer.orthogonalWeights(1.0, new Random(11), DataType.FLOAT);
        INDArray other = layer.orthogonalWeights(1.0, new Random(12), DataType.FLOAT);
        assertThat(first.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    private static void assertClose(INDArray actual, INDArray expected) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        for (long i = 0; i < expected.length(); i++) {
            assertThat(actual.getDouble(i)).isCloseTo(expected.getDouble(i), within(1e-10));
        }
    }
}
