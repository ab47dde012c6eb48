package io.acktr.policies.layers;

import static io.acktr.policies.GradientCheck.assertGradientMatches;
import static io.acktr.policies.GradientCheck.gaussian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class ActivationTest {
    @ParameterizedTest
    @EnumSource(Activation.class)
    void backwardMatchesFiniteDifferences(Activation activation) {
        Random random = new Random(5);
        INDArray x = gaussian(random, 1, 4, 6);
        INDArray coefficients = gaussian(random, 1, 4, 6);
        INDArray y = activation.forward(x);
        assertGradientMatches(activation.name(), activation.backward(y, coefficients), x,
                () -> activation.forward(x).mul(coefficients).sumNumber().doubleValue());
    }

    @Test
    void forwardComputesTanhAndRelu() {
        INDArray x = Nd4j.create(new double[] {-2, -0.5, 0.5, 2}, new long[] {1, 4}, DataType.DOUBLE);
        INDArray tanh = Activation.TANH.forward(x);
        INDArray relu = Activation.RELU.forward(x);
        for (int j = 0; j < 4; j++) {
            assertThat(tanh.getDouble(0, j)).isCloseTo(Math.tanh(x.getDouble(0, j)), within(1e-12));
            assertThat(relu.getDouble(0, j)).isEqualTo(Math.max(0, x.getDouble(0, j)));
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void derivativeIntoWritesTheDerivativeOverWhateverTheTargetHeld(Activation activation) {
        INDArray y = activation.forward(gaussian(new Random(4), 2, 3, 6));
        y.putScalar(0, 2, 0.0); // relu's kink: f'(0) = 0
        INDArray target = Nd4j.valueArrayOf(new long[] {3, 6}, Double.NaN, DataType.DOUBLE);

        INDArray result = activation.derivativeInto(y, target);

        assertThat(result).isSameAs(target);
        assertThat(target).isEqualTo(activation.derivative(y));
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void forwardInPlaceWritesTheSameValuesOverItsArgument(Activation activation) {
        INDArray x = gaussian(new Random(3), 2, 4, 5);
        INDArray expected = activation.forward(x);

        INDArray result = activation.forwardInPlace(x);

        assertThat(result).isSameAs(x);
        assertThat(x).isEqualTo(expected);
    }

    @Test
    void forwardDoesNotModifyItsInput() {
        INDArray x = Nd4j.create(new double[] {-1, 1}, new long[] {1, 2}, DataType.DOUBLE);
        Activation.TANH.forward(x);
        Activation.RELU.forward(x);
        assertThat(x.getDouble(0, 0)).isEqualTo(-1.0);
    }
}
