package io.acktr.policies.layers;

import static io.acktr.policies.GradientCheck.assertGradientMatches;
import static io.acktr.policies.GradientCheck.gaussian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.acktr.api.curvature.ConvLayerStatistics;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class ConvLayerTest {
    private static final int BATCH = 3;

    private final Random random = new Random(13);

    /** Stride below, equal to, above and not dividing the kernel; a kernel covering the whole input. */
    static Stream<ConvLayer> layers() {
        return Stream.of(
                new ConvLayer("k3s1", 6, 6, 2, 3, 3, 1),
                new ConvLayer("k3s2", 7, 5, 2, 2, 3, 2),
                new ConvLayer("k4s2", 9, 8, 2, 2, 4, 2),
                new ConvLayer("k2s3", 8, 8, 1, 2, 2, 3),
                new ConvLayer("whole", 5, 5, 3, 2, 5, 1));
    }

    /** {@code s[i, oh, ow, f] = b_f + sum_{y, x, c} W[f, (y k + x) C + c] in[i, oh s + y, ow s + x, c]}. */
    private static double directConvolution(ConvLayer layer, INDArray input, INDArray weights, int sample, int oh,
                                            int ow, int filter) {
        int k = layer.kernel();
        int c = layer.inputChannels();
        double sum = weights.getDouble(filter, layer.patchSize());
        for (int y = 0; y < k; y++) {
            for (int x = 0; x < k; x++) {
                for (int channel = 0; channel < c; channel++) {
                    int row = oh * layer.stride() + y;
                    int column = ow * layer.stride() + x;
                    double value = input.getDouble(sample, (row * layer.inputWidth() + column) * c + channel);
                    sum += weights.getDouble(filter, (y * k + x) * c + channel) * value;
                }
            }
        }
        return sum;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void forwardEqualsADirectLoopOverEveryPatch(ConvLayer layer) {
        INDArray input = gaussian(random, 1, BATCH, layer.inputSize());
        INDArray weights = gaussian(random, 1, layer.filters(), layer.patchSize() + 1);

        INDArray output = layer.forward(weights, layer.homogeneousInput(input));

        assertThat(output.shape()).containsExactly(BATCH, layer.outputSize());
        for (int i = 0; i < BATCH; i++) {
            for (int oh = 0; oh < layer.outputHeight(); oh++) {
                for (int ow = 0; ow < layer.outputWidth(); ow++) {
                    for (int f = 0; f < layer.filters(); f++) {
                        int column = (oh * layer.outputWidth() + ow) * layer.filters() + f;
                        assertThat(output.getDouble(i, column))
                                .as("sample %d position (%d, %d) filter %d", i, oh, ow, f)
                                .isCloseTo(directConvolution(layer, input, weights, i, oh, ow, f), within(1e-12));
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void patchesAreSampleMajorWindowsInKernelRowColumnChannelOrderWithAConstantOne(ConvLayer layer) {
        INDArray input = gaussian(random, 1, BATCH, layer.inputSize());
        INDArray patches = layer.homogeneousInput(input);
        int c = layer.inputChannels();
        assertThat(patches.shape()).containsExactly((long) BATCH * layer.locations(), layer.patchSize() + 1);
        for (int i = 0; i < BATCH; i++) {
            for (int t = 0; t < layer.locations(); t++) {
                int oh = t / layer.outputWidth();
                int ow = t % layer.outputWidth();
                long row = (long) i * layer.locations() + t;
                for (int j = 0; j < layer.patchSize(); j++) {
                    int y = j / (layer.kernel() * c);
                    int x = j / c % layer.kernel();
                    int channel = j % c;
                    int inputColumn = ((oh * layer.stride() + y) * layer.inputWidth() + ow * layer.stride() + x) * c
                            + channel;
                    assertThat(patches.getDouble(row, j)).isEqualTo(input.getDouble(i, inputColumn));
                }
                assertThat(patches.getDouble(row, layer.patchSize())).isEqualTo(1.0);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void bufferCopiesAndStridedViewsGiveTheSameBitsInFloatAndDouble(ConvLayer layer) {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray input = gaussian(random, 1, BATCH, layer.inputSize()).castTo(type);
            INDArray patches = layer.homogeneousInput(input);
            INDArray strided = layer.stridedPatches(input,
                    Nd4j.createUninitialized(type, (long) BATCH * layer.locations(), layer.patchSize() + 1), 1.0);
            assertThat(patches.data().asDouble()).containsExactly(strided.data().asDouble());

            INDArray patchGradient = gaussian(random, 1, BATCH * layer.locations(), layer.patchSize() + 1).castTo(type);
            INDArray added = PatchCopies.col2im(layer, patchGradient, BATCH);
            assertThat(added.data().asDouble()).containsExactly(layer.sumOverPatches(patchGradient, BATCH).data().asDouble());
            assertThat(added.dataType()).isEqualTo(type);
            assertThat(added.shape()).containsExactly(BATCH, layer.inputSize());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void weightGradientMatchesFiniteDifferences(ConvLayer layer) {
        INDArray input = gaussian(random, 1, BATCH, layer.inputSize());
        INDArray weights = gaussian(random, 1, layer.filters(), layer.patchSize() + 1);
        INDArray coefficients = gaussian(random, 1, BATCH, layer.outputSize());
        INDArray patches = layer.homogeneousInput(input);
        assertGradientMatches("dW", layer.weightGradient(patches, coefficients), weights,
                () -> layer.forward(weights, patches).mul(coefficients).sumNumber().doubleValue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void inputGradientMatchesFiniteDifferences(ConvLayer layer) {
        INDArray input = gaussian(random, 1, BATCH, layer.inputSize());
        INDArray weights = gaussian(random, 1, layer.filters(), layer.patchSize() + 1);
        INDArray coefficients = gaussian(random, 1, BATCH, layer.outputSize());
        assertGradientMatches("dA", layer.inputGradient(weights, coefficients), input,
                () -> layer.forward(weights, layer.homogeneousInput(input)).mul(coefficients).sumNumber().doubleValue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void statisticsReproduceTheWeightGradientAsGTransposedPatches(ConvLayer layer) {
        INDArray patches = layer.homogeneousInput(gaussian(random, 1, BATCH, layer.inputSize()));
        INDArray g = gaussian(random, 1, BATCH, layer.outputSize());

        ConvLayerStatistics statistics = layer.statistics(patches, g);

        assertThat(statistics.parameterName()).isEqualTo(layer.name());
        assertThat(statistics.locations()).isEqualTo(layer.locations());
        assertThat(statistics.batchSize()).isEqualTo(BATCH);
        assertThat(statistics.patches()).isSameAs(patches);
        assertThat(statistics.preActivationGradients().shape())
                .containsExactly((long) BATCH * layer.locations(), layer.filters());
        assertThat(statistics.preActivationGradients().getDouble(layer.locations(), 1 % layer.filters()))
                .as("sample 1, position 0").isEqualTo(g.getDouble(1, 1 % layer.filters()));
        INDArray fromStatistics = statistics.preActivationGradients().transpose().mmul(statistics.patches());
        assertThat(fromStatistics.equalsWithEps(layer.weightGradient(patches, g), 1e-12)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void preActivationTangentIsTheCentralDifferenceAlongInputAndWeights(ConvLayer layer) {
        INDArray input = gaussian(random, 1, BATCH, layer.inputSize());
        INDArray weights = gaussian(random, 1, layer.filters(), layer.patchSize() + 1);
        INDArray inputTangent = gaussian(random, 1, BATCH, layer.inputSize());
        INDArray weightTangent = gaussian(random, 1, layer.filters(), layer.patchSize() + 1);
        double step = 1e-3;
        INDArray plus = layer.forward(weights.add(weightTangent.mul(step)),
                layer.homogeneousInput(input.add(inputTangent.mul(step))));
        INDArray minus = layer.forward(weights.sub(weightTangent.mul(step)),
                layer.homogeneousInput(input.sub(inputTangent.mul(step))));
        INDArray patches = layer.homogeneousInput(input);

        INDArray tangent = layer.preActivationTangent(weights, patches, inputTangent, weightTangent);

        assertThat(tangent.equalsWithEps(plus.sub(minus).divi(2 * step), 1e-9)).isTrue();
        assertThat(layer.preActivationTangent(weights, patches, null, null)).as("zero tangent").isNull();
        INDArray inputOnly = layer.preActivationTangent(weights, patches, inputTangent, null);
        INDArray biasFree = layer.forward(weights, layer.homogeneousInput(inputTangent))
                .sub(layer.forward(weights, layer.homogeneousInput(Nd4j.zerosLike(inputTangent))));
        assertThat(inputOnly.equalsWithEps(biasFree, 1e-12)).as("no bias in the input part").isTrue();
    }

    @Test
    void inputsThatAreViewsOfALargerArrayGiveTheSamePatchesAsCopies() {
        ConvLayer layer = new ConvLayer("view", 5, 5, 2, 2, 3, 1);
        INDArray wide = gaussian(random, 1, 6, layer.inputSize() + 4);
        INDArray rowView = wide.get(NDArrayIndex.interval(2, 5), NDArrayIndex.interval(0, layer.inputSize()));
        INDArray columnView = wide.get(NDArrayIndex.interval(1, 4), NDArrayIndex.interval(4, layer.inputSize() + 4));

        assertThat(layer.homogeneousInput(rowView)).isEqualTo(layer.homogeneousInput(rowView.dup()));
        assertThat(layer.homogeneousInput(columnView)).isEqualTo(layer.homogeneousInput(columnView.dup()));
        INDArray contiguousRows = wide.reshape(wide.length()).get(NDArrayIndex.interval(2 * wide.columns(),
                2 * wide.columns() + 2 * layer.inputSize())).reshape(2, layer.inputSize());
        assertThat(layer.homogeneousInput(contiguousRows)).isEqualTo(layer.homogeneousInput(contiguousRows.dup()));
    }

    @Test
    void gradientsOfAViewGradientEqualThoseOfACopy() {
        ConvLayer layer = new ConvLayer("view", 6, 6, 1, 2, 2, 2);
        INDArray weights = gaussian(random, 1, 2, 5);
        INDArray wide = gaussian(random, 1, BATCH, layer.outputSize() + 3);
        INDArray view = wide.get(NDArrayIndex.all(), NDArrayIndex.interval(3, layer.outputSize() + 3));
        INDArray patches = layer.homogeneousInput(gaussian(random, 1, BATCH, layer.inputSize()));

        assertThat(layer.inputGradient(weights, view)).isEqualTo(layer.inputGradient(weights, view.dup()));
        assertThat(layer.weightGradient(patches, view)).isEqualTo(layer.weightGradient(patches, view.dup()));
    }

    @Test
    void outputShapeFollowsValidPadding() {
        ConvLayer nature = new ConvLayer("torso/conv0", 84, 84, 4, 32, 8, 4);
        assertThat(nature.outputHeight()).isEqualTo(20);
        assertThat(nature.outputWidth()).isEqualTo(20);
        assertThat(nature.locations()).isEqualTo(400);
        assertThat(nature.patchSize()).isEqualTo(256);
        assertThat(nature.weightShape()).containsExactly(32, 257);
        assertThat(nature.outputSize()).isEqualTo(400 * 32);
        assertThat(new ConvLayer("odd", 10, 7, 1, 1, 3, 2).outputWidth()).isEqualTo(3);
    }

    @Test
    void rejectsAKernelLargerThanTheInputNamingTheLayer() {
        assertThatThrownBy(() -> new ConvLayer("torso/conv1", 3, 5, 2, 4, 4, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("torso/conv1")
                .hasMessageContaining("4x4 kernel does not fit a 3x5 input");
    }

    @Test
    void rejectsAnInputOfTheWrongWidth() {
        ConvLayer layer = new ConvLayer("torso/conv0", 4, 4, 2, 2, 2, 2);
        assertThatThrownBy(() -> layer.homogeneousInput(Nd4j.zeros(DataType.DOUBLE, 2, 31)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("torso/conv0")
                .hasMessageContaining("2 x 32");
    }

    @Test
    void orthogonalInitHasOrthonormalFilterRowsScaledByTheGainAndZeroBias() {
        ConvLayer layer = new ConvLayer("conv", 6, 6, 2, 4, 3, 1);
        INDArray w = layer.orthogonalWeights(Math.sqrt(2), new Random(3), DataType.DOUBLE);
        INDArray kernels = w.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 18));
        assertThat(kernels.mmul(kernels.transpose()).equalsWithEps(Nd4j.eye(4).castTo(DataType.DOUBLE).muli(2.0), 1e-10))
                .isTrue();
        assertThat(w.getColumn(18).dup()).isEqualTo(Nd4j.zeros(DataType.DOUBLE, 4));
    }

    @Test
    void floatLayerKeepsFloat() {
        ConvLayer layer = new ConvLayer("conv", 5, 5, 2, 3, 3, 2);
        INDArray input = gaussian(random, 1, BATCH, layer.inputSize()).castTo(DataType.FLOAT);
        INDArray weights = layer.orthogonalWeights(1, new Random(1), DataType.FLOAT);
        INDArray patches = layer.homogeneousInput(input);
        INDArray output = layer.forward(weights, patches);
        assertThat(patches.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(output.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(layer.inputGradient(weights, output).dataType()).isEqualTo(DataType.FLOAT);
        INDArray expected = layer.forward(weights.castTo(DataType.DOUBLE), patches.castTo(DataType.DOUBLE));
        assertThat(output.castTo(DataType.DOUBLE).equalsWithEps(expected, 1e-5)).isTrue();
    }
}
