package io.acktr.policies.layers;

import static io.acktr.policies.GradientCheck.gaussian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.acktr.api.curvature.ConvLayerStatistics;
import io.acktr.api.curvature.LayerStatistics;
import io.acktr.numerics.NativeConvolution;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A float stack whose convolutions run through oneDNN gives what the same stack gives through patch
 * products: outputs, weight and input gradients, and the statistics (whose patches it makes only
 * when asked), to float rounding.
 */
class LayerStackNativeConvolutionTest {
    private static final double TOLERANCE = 2e-5;

    private final Random random = new Random(11);
    private final List<LayerStack.Layer> layers = List.of(
            LayerStack.Layer.initialised(new ConvLayer("conv0", 9, 8, 2, 4, 3, 2), Activation.RELU, Math.sqrt(2),
                    DataType.FLOAT, random),
            LayerStack.Layer.initialised(new ConvLayer("conv1", 4, 3, 4, 3, 2, 1), Activation.TANH, 1.0,
                    DataType.FLOAT, random),
            LayerStack.Layer.initialised(new DenseLayer("dense", 18, 3), Activation.TANH, 1.0, DataType.FLOAT,
                    random));
    private final LayerStack patches = new LayerStack(layers, false);

    @BeforeAll
    static void oneDnnLoads() {
        if (!NativeConvolution.available()) {
            System.out.println("LayerStackNativeConvolutionTest: skipped, oneDNN does not load on this machine");
        }
        assumeTrue(NativeConvolution.available(), "oneDNN does not load on this machine");
    }

    @Test
    void forwardAndBackwardMatchThePatchProducts() {
        LayerStack natives = new LayerStack(layers, true);
        INDArray x = gaussian(random, 1, 5, 144).castTo(DataType.FLOAT);
        INDArray outputGradient = gaussian(random, 1, 5, 3).castTo(DataType.FLOAT);

        LayerStack.Activations expectedPass = patches.forward(x);
        LayerStack.Activations actualPass = natives.forward(x);
        assertClose(actualPass.output(), expectedPass.output());
        LayerStack.Gradients expected = patches.backward(expectedPass, outputGradient.dup(), true);
        LayerStack.Gradients actual = natives.backward(actualPass, outputGradient.dup(), true);

        assertClose(actual.inputGradient(), expected.inputGradient());
        for (Map.Entry<String, INDArray> e : expected.weightGradients().entrySet()) {
            assertClose(actual.weightGradients().get(e.getKey()), e.getValue());
        }
        assertThat(actual.layers()).hasSameSizeAs(expected.layers());
        for (int i = 0; i < 2; i++) {
            ConvLayerStatistics a = (ConvLayerStatistics) actual.layers().get(i);
            ConvLayerStatistics b = (ConvLayerStatistics) expected.layers().get(i);
            assertClose(a.patches(), b.patches());
            assertClose(a.preActivationGradients(), b.preActivationGradients());
        }
    }

    @Test
    void gradientsWithoutStatisticsMakeNoPatchesAndMatch() {
        LayerStack natives = new LayerStack(layers, true);
        INDArray x = gaussian(random, 1, 4, 144).castTo(DataType.FLOAT);
        INDArray outputGradient = gaussian(random, 1, 4, 3).castTo(DataType.FLOAT);
        LayerStack.Activations expectedPass = patches.forward(x);
        LayerStack.Gradients expected = patches.backward(expectedPass, outputGradient.dup(), false);

        // twice on the same stack: the second pass takes the input gradients the first gave back to the pool
        for (int round = 0; round < 2; round++) {
            LayerStack.Activations pass = natives.forward(x);
            LayerStack.Gradients actual = natives.backward(pass, outputGradient.dup(), false, true, false, (n, g) -> { });
            assertThat(actual.layers()).isEmpty();
            assertThat(actual.inputGradient()).isNull();
            for (Map.Entry<String, INDArray> e : expected.weightGradients().entrySet()) {
                assertClose(actual.weightGradients().get(e.getKey()), e.getValue());
            }
            pass.release();
        }
    }

    @Test
    void forwardModeThroughNativeConvolutionsMatches() {
        LayerStack natives = new LayerStack(layers, true);
        INDArray x = gaussian(random, 1, 3, 144).castTo(DataType.FLOAT);
        Map<String, INDArray> tangents = Map.of(
                "conv0", gaussian(random, 1, 4, 19).castTo(DataType.FLOAT),
                "conv1", gaussian(random, 1, 3, 17).castTo(DataType.FLOAT));
        assertClose(natives.tangent(natives.forward(x), null, tangents),
                patches.tangent(patches.forward(x), null, tangents));
    }

    @Test
    void aDoubleStackKeepsThePatchProducts() {
        Random r = new Random(3);
        LayerStack doubles = new LayerStack(List.of(LayerStack.Layer.initialised(new ConvLayer("c", 5, 5, 1, 2, 3, 1),
                Activation.TANH, 1.0, DataType.DOUBLE, r)), true);
        LayerStack.Activations pass = doubles.forward(gaussian(r, 1, 2, 25));
        List<LayerStatistics> statistics = doubles.backward(pass, gaussian(r, 1, 2, 18), true).layers();
        assertThat(((ConvLayerStatistics) statistics.get(0)).patches().dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(pass.output().dataType()).isEqualTo(DataType.DOUBLE);
    }

    private static void assertClose(INDArray actual, INDArray expected) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        double scale = 1 + expected.amaxNumber().doubleValue();
        double difference = actual.castTo(DataType.DOUBLE).sub(expected.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertThat(difference).as("largest difference").isLessThan(TOLERANCE * scale);
    }
}
