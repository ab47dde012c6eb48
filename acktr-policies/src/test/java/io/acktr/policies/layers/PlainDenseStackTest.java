package io.acktr.policies.layers;

import static io.acktr.policies.GradientCheck.gaussian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The plain-array forward pass of a dense chain against the tensor pass of {@link LayerStack}. */
class PlainDenseStackTest {
    private final Random random = new Random(23);

    private LayerStack stack(Activation activation) {
        return new LayerStack(List.of(
                new LayerStack.Layer(new DenseLayer("a", 3, 6), gaussian(random, 0.8, 6, 4), activation),
                new LayerStack.Layer(new DenseLayer("b", 6, 5), gaussian(random, 0.8, 5, 7), activation),
                new LayerStack.Layer(new DenseLayer("out", 5, 2), gaussian(random, 0.8, 2, 6), Activation.IDENTITY)));
    }

    private void assertRowsMatchTheTensorPass(LayerStack stack) {
        INDArray input = gaussian(random, 2.0, 4, 3);
        double largest = largestRowError(stack.plainCopy(3), input, stack.forward(input.dup()).output());
        assertThat(largest).isLessThan(1e-12);
    }

    /** The largest difference between the plain pass of each row of {@code input} and {@code expected}. */
    private static double largestRowError(PlainDenseStack plain, INDArray input, INDArray expected) {
        int rows = (int) input.rows();
        int width = (int) input.columns();
        int outputs = (int) expected.columns();
        double[] flat = input.data().asDouble();
        double[] output = new double[outputs];
        PlainDenseStack.Workspace workspace = new PlainDenseStack.Workspace(plain.maxWidth());
        double largest = 0;
        for (int i = 0; i < rows; i++) {
            plain.forward(flat, i * width, output, workspace);
            for (int o = 0; o < outputs; o++) {
                largest = Math.max(largest, Math.abs(output[o] - expected.getDouble(i, o)));
            }
        }
        return largest;
    }

    @Test
    void aTanhChainGivesTheTensorPassRowByRow() {
        assertRowsMatchTheTensorPass(stack(Activation.TANH));
    }

    @Test
    void aFloatTanhChainGivesTheDoubleTensorPassOfItsWeightsToFloatAccuracy() {
        List<LayerStack.Layer> layers = List.of(
                new LayerStack.Layer(new DenseLayer("a", 9, 7), gaussian(random, 0.8, 7, 10), Activation.TANH),
                new LayerStack.Layer(new DenseLayer("out", 7, 2), gaussian(random, 0.8, 2, 8), Activation.TANH));
        LayerStack floats = new LayerStack(layers.stream()
                .map(l -> new LayerStack.Layer(l.shape(), l.weights().castTo(DataType.FLOAT), l.activation())).toList());
        LayerStack doubles = new LayerStack(layers.stream().map(l -> new LayerStack.Layer(l.shape(),
                l.weights().castTo(DataType.FLOAT).castTo(DataType.DOUBLE), l.activation())).toList());
        INDArray input = gaussian(random, 2.0, 4, 9);
        double largest = largestRowError(floats.plainCopy(9), input, doubles.forward(input.dup()).output());
        assertThat(largest).as("float accuracy").isLessThan(2e-8);
        assertThat(largest).as("the float path approximates tanh, it is not the exact one").isGreaterThan(1e-13);
    }

    @Test
    void twoRowsTogetherGiveWhatEachGivesAloneBitForBit() {
        // wide layers (two rows per pass) of widths 7 (inputs not a multiple of four) and 9, then a narrow head
        List<LayerStack.Layer> layers = List.of(
                new LayerStack.Layer(new DenseLayer("a", 7, 9), gaussian(random, 0.8, 9, 8), Activation.TANH),
                new LayerStack.Layer(new DenseLayer("b", 9, 12), gaussian(random, 0.8, 12, 10), Activation.RELU),
                new LayerStack.Layer(new DenseLayer("out", 12, 3), gaussian(random, 0.8, 3, 13), Activation.IDENTITY));
        for (DataType type : List.of(DataType.DOUBLE, DataType.FLOAT)) {
            PlainDenseStack plain = new LayerStack(layers.stream()
                    .map(l -> new LayerStack.Layer(l.shape(), l.weights().castTo(type), l.activation())).toList())
                    .plainCopy(7);
            double[] rows = gaussian(random, 2.0, 5, 7).data().asDouble();
            PlainDenseStack.Workspace workspace = new PlainDenseStack.Workspace(plain.maxWidth());
            for (int a = 0; a < 5; a++) {
                double[] alone = new double[3];
                plain.forward(rows, a * 7, alone, workspace);
                for (int b = 0; b < 5; b++) {
                    double[] first = new double[3];
                    double[] second = new double[3];
                    plain.forwardTwo(rows, a * 7, rows, b * 7, first, second, workspace);
                    assertThat(first).as("%s row %d beside row %d", type, a, b).containsExactly(alone);
                    double[] otherAlone = new double[3];
                    plain.forward(rows, b * 7, otherAlone, workspace);
                    assertThat(second).as("%s row %d beside row %d", type, b, a).containsExactly(otherAlone);
                }
            }
        }
    }

    @Test
    void aWorkspaceNarrowerThanTheChainIsRefusedWithBothWidths() {
        PlainDenseStack plain = stack(Activation.TANH).plainCopy(3);
        assertThatThrownBy(() -> plain.forward(new double[3], 0, new double[2], new PlainDenseStack.Workspace(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 wide").hasMessageContaining("needs 6");
    }

    @Test
    void aReluChainGivesTheTensorPassRowByRow() {
        assertRowsMatchTheTensorPass(stack(Activation.RELU));
    }

    @Test
    void anEmptyChainCopiesItsInput() {
        PlainDenseStack plain = new LayerStack(List.of()).plainCopy(3);
        double[] output = new double[3];
        plain.forward(new double[] {9, 1, 2, 3}, 1, output, new PlainDenseStack.Workspace(3));
        assertThat(output).containsExactly(1, 2, 3);
        double[] other = new double[3];
        plain.forwardTwo(new double[] {9, 1, 2, 3}, 1, new double[] {4, 5, 6}, 0, output, other,
                new PlainDenseStack.Workspace(3));
        assertThat(output).containsExactly(1, 2, 3);
        assertThat(other).containsExactly(4, 5, 6);
        assertThat(plain.outputSize()).isEqualTo(3);
    }

    @Test
    void plainTanhMatchesTheTensorTanhFromTinyToSaturatedInputs() {
        double[] x = {0, 1e-300, -1e-9, 1e-4, -0.3, 0.9, 2.5, -7, 20, -400, 800};
        INDArray expected = Activation.TANH.forward(Nd4j.create(x, new long[] {1, x.length}, DataType.DOUBLE));
        double[] plain = x.clone();
        Activation.TANH.forwardInPlace(plain, plain.length);
        for (int i = 0; i < x.length; i++) {
            assertThat(plain[i]).as("tanh(%s)", x[i]).isCloseTo(expected.getDouble(0, i), within(1e-15));
        }
    }

    @Test
    void aConvolutionCannotBeCopiedIntoPlainArrays() {
        ConvLayer conv = new ConvLayer("conv", 4, 4, 1, 2, 2, 1);
        LayerStack stack = new LayerStack(List.of(LayerStack.Layer.initialised(conv, Activation.RELU, 1.0,
                DataType.DOUBLE, random)));
        assertThatThrownBy(() -> stack.plainCopy(16)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("conv").hasMessageContaining("not dense");
    }
}
