package io.acktr.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** oneDNN's convolutions against the definition, written out as loops over each output position. */
class NativeConvolutionTest {
    @BeforeAll
    static void oneDnnLoads() {
        if (!NativeConvolution.available()) {
            System.out.println("NativeConvolutionTest: skipped, oneDNN does not load on this machine");
        }
        assumeTrue(NativeConvolution.available(), "oneDNN does not load on this machine");
    }

    /** height, width, channels, filters, kernel, stride, batch */
    @ParameterizedTest
    @CsvSource({"7, 6, 3, 4, 3, 2, 5", "10, 10, 4, 16, 3, 1, 3", "9, 9, 2, 3, 4, 2, 2", "5, 5, 1, 2, 5, 1, 4"})
    void forwardWeightAndInputGradientsMatchTheDefinition(int h, int w, int c, int f, int k, int s, int n) {
        Random random = new Random(h * 31L + f);
        int oh = (h - k) / s + 1;
        int ow = (w - k) / s + 1;
        float[] images = random(random, n * h * w * c);
        float[] weights = random(random, f * (k * k * c + 1));
        float[] outputGradient = random(random, n * oh * ow * f);
        NativeConvolution convolution = new NativeConvolution(h, w, c, f, k, s);

        // every result is written over NaN: nothing may be left unwritten (an input position no window reaches included)
        INDArray output = Nd4j.valueArrayOf(new long[] {n, (long) oh * ow * f}, Float.NaN, DataType.FLOAT);
        convolution.forward(array(images, n), array(weights, f), output);
        INDArray weightGradient = Nd4j.valueArrayOf(new long[] {f, (long) k * k * c + 1}, Float.NaN, DataType.FLOAT);
        convolution.weightGradient(array(images, n), array(outputGradient, n), weightGradient);
        INDArray inputGradient = Nd4j.valueArrayOf(new long[] {n, (long) h * w * c}, Float.NaN, DataType.FLOAT);
        convolution.inputGradient(array(weights, f), array(outputGradient, n), inputGradient);

        double[] expectedOutput = new double[n * oh * ow * f];
        double[] expectedWeightGradient = new double[weights.length];
        double[] expectedInputGradient = new double[images.length];
        int row = k * k * c + 1;
        for (int i = 0; i < n; i++) {
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    for (int o = 0; o < f; o++) {
                        int out = ((i * oh + y) * ow + x) * f + o;
                        double sum = weights[o * row + row - 1];
                        expectedWeightGradient[o * row + row - 1] += outputGradient[out];
                        for (int ky = 0; ky < k; ky++) {
                            for (int kx = 0; kx < k; kx++) {
                                for (int ch = 0; ch < c; ch++) {
                                    int in = ((i * h + y * s + ky) * w + x * s + kx) * c + ch;
                                    int wi = o * row + (ky * k + kx) * c + ch;
                                    sum += (double) weights[wi] * images[in];
                                    expectedWeightGradient[wi] += (double) outputGradient[out] * images[in];
                                    expectedInputGradient[in] += (double) outputGradient[out] * weights[wi];
                                }
                            }
                        }
                        expectedOutput[out] = sum;
                    }
                }
            }
        }
        assertClose(output, expectedOutput);
        assertClose(weightGradient, expectedWeightGradient);
        assertClose(inputGradient, expectedInputGradient);
    }

    @Test
    void theSameInstanceServesSeveralBatchSizes() {
        NativeConvolution convolution = new NativeConvolution(4, 4, 1, 1, 2, 2);
        float[] weights = {1, 1, 1, 1, 0};
        for (int n : new int[] {1, 3, 1}) {
            INDArray images = Nd4j.ones(DataType.FLOAT, n, 16);
            INDArray output = Nd4j.createUninitialized(DataType.FLOAT, n, 4);
            convolution.forward(images, array(weights, 1), output);
            assertThat(output.data().asFloat()).containsOnly(4f).hasSize(4 * n);
        }
    }

    @Test
    void weightsOfTheWrongShapeAreRejectedWithTheirShape() {
        NativeConvolution convolution = new NativeConvolution(4, 4, 1, 2, 2, 2);
        INDArray images = Nd4j.ones(DataType.FLOAT, 1, 16);
        INDArray output = Nd4j.createUninitialized(DataType.FLOAT, 1, 8);
        assertThatThrownBy(() -> convolution.forward(images, Nd4j.ones(DataType.FLOAT, 2, 4), output))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be 2 x 5, got [2, 4]");
        assertThatThrownBy(() -> convolution.forward(images, Nd4j.ones(DataType.DOUBLE, 2, 5), output))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("float");
    }

    private static void assertClose(INDArray actual, double[] expected) {
        float[] values = actual.data().asFloat();
        assertThat(values).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) values[i]).as("element %d", i).isCloseTo(expected[i],
                    org.assertj.core.data.Offset.offset(1e-4 * (1 + Math.abs(expected[i]))));
        }
    }

    private static INDArray array(float[] values, int rows) {
        return Nd4j.create(values.clone(), new long[] {rows, values.length / rows}, 'c');
    }

    private static float[] random(Random random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
