package io.acktr.policies.layers;

import static io.acktr.policies.GradientCheck.gaussian;
import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.curvature.ConvLayerStatistics;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The stack reuses a released pass's patches and hidden outputs, and never those statistics still hold. */
class LayerStackPoolingTest {
    private final Random random = new Random(7);
    private final LayerStack stack = new LayerStack(List.of(
            LayerStack.Layer.initialised(new ConvLayer("conv0", 6, 6, 2, 3, 3, 1), Activation.RELU, Math.sqrt(2),
                    DataType.DOUBLE, random),
            LayerStack.Layer.initialised(new ConvLayer("conv1", 4, 4, 3, 2, 2, 2), Activation.TANH, 1.0,
                    DataType.DOUBLE, random),
            LayerStack.Layer.initialised(new DenseLayer("dense", 8, 3), Activation.TANH, 1.0, DataType.DOUBLE,
                    random)));

    @Test
    void aReleasedPassLendsItsArraysToTheNextWithTheSameResults() {
        INDArray x = gaussian(random, 1, 4, 72);
        LayerStack.Activations first = stack.forward(x);
        INDArray firstPatches = first.homogeneousInputs().get(0);
        INDArray expectedOutput = first.output().dup();
        INDArray expectedHidden = first.outputs().get(0).dup();
        first.release();

        LayerStack.Activations second = stack.forward(x);

        assertThat(second.homogeneousInputs().get(0)).isSameAs(firstPatches);
        assertThat(second.output()).isEqualTo(expectedOutput);
        assertThat(second.outputs().get(0)).isEqualTo(expectedHidden);
    }

    @Test
    void patchesRetainedByStatisticsAreNotOverwrittenByLaterPasses() {
        INDArray x = gaussian(random, 1, 4, 72);
        LayerStack.Activations first = stack.forward(x);
        LayerStack.Gradients gradients = stack.backward(first, gaussian(random, 1, 4, 3), false);
        ConvLayerStatistics held = (ConvLayerStatistics) gradients.layers().get(0);
        INDArray expected = held.patches().dup();
        held.retain();
        first.release();

        for (int i = 0; i < 3; i++) {
            stack.forward(gaussian(random, 1, 4, 72)).release();
        }

        assertThat(held.patches()).isEqualTo(expected);
        held.release();
        assertThat(stack.forward(gaussian(random, 1, 4, 72)).homogeneousInputs().get(0)).isSameAs(held.patches());
    }

    private static INDArray preActivationGradients(io.acktr.api.curvature.LayerStatistics statistics) {
        return statistics instanceof ConvLayerStatistics conv ? conv.preActivationGradients()
                : ((io.acktr.api.curvature.DenseLayerStatistics) statistics).preActivationGradients();
    }

    @Test
    void backwardLeavesTheCallersGradientAndEveryLayersStatisticsAsTwoPassesWouldSee() {
        INDArray x = gaussian(random, 1, 4, 72);
        INDArray outputGradient = gaussian(random, 1, 4, 3);
        INDArray callers = outputGradient.dup();
        LayerStack.Activations pass = stack.forward(x);

        LayerStack.Gradients first = stack.backward(pass, outputGradient, true);
        LayerStack.Gradients second = stack.backward(pass, outputGradient, true);

        assertThat(outputGradient).isEqualTo(callers);
        assertThat(second.weightGradients()).isEqualTo(first.weightGradients());
        assertThat(second.inputGradient()).isEqualTo(first.inputGradient());
        for (int i = 0; i < first.layers().size(); i++) {
            assertThat(preActivationGradients(second.layers().get(i))).isEqualTo(preActivationGradients(first.layers().get(i)));
        }
    }

    @Test
    void aPassThatIsNeverReleasedKeepsItsArrays() {
        INDArray x = gaussian(random, 1, 4, 72);
        LayerStack.Activations kept = stack.forward(x);
        INDArray expected = kept.homogeneousInputs().get(1).dup();

        LayerStack.Activations other = stack.forward(gaussian(random, 1, 4, 72));

        assertThat(other.homogeneousInputs().get(1)).isNotSameAs(kept.homogeneousInputs().get(1));
        assertThat(kept.homogeneousInputs().get(1)).isEqualTo(expected);
    }

    @Test
    void backwardGivesTheSameGradientsOnReusedArrays() {
        INDArray x = gaussian(random, 1, 4, 72);
        INDArray upstream = gaussian(random, 1, 4, 3);
        LayerStack.Activations first = stack.forward(x);
        LayerStack.Gradients expected = stack.backward(first, upstream, true);
        first.release();

        LayerStack.Activations second = stack.forward(x);
        LayerStack.Gradients again = stack.backward(second, upstream, true);

        assertThat(again.weightGradients()).isEqualTo(expected.weightGradients());
        assertThat(again.inputGradient()).isEqualTo(expected.inputGradient());
    }

    @Test
    void aDenseLayersInputsRetainedByStatisticsAreNotOverwrittenAndAReleasedPassLendsThem() {
        LayerStack mlp = new LayerStack(List.of(
                LayerStack.Layer.initialised(new DenseLayer("h0", 4, 8), Activation.TANH, Math.sqrt(2), DataType.FLOAT,
                        random),
                LayerStack.Layer.initialised(new DenseLayer("h1", 8, 8), Activation.TANH, Math.sqrt(2), DataType.FLOAT,
                        random),
                LayerStack.Layer.initialised(new DenseLayer("out", 8, 2), Activation.IDENTITY, 0.01, DataType.FLOAT,
                        random)));
        INDArray x = gaussian(random, 1, 5, 4).castTo(DataType.FLOAT);
        LayerStack.Activations first = mlp.forward(x);
        INDArray expectedOutput = first.output().dup();
        LayerStack.Gradients gradients = mlp.backward(first, gaussian(random, 1, 5, 2).castTo(DataType.FLOAT), false);
        io.acktr.api.curvature.DenseLayerStatistics held =
                (io.acktr.api.curvature.DenseLayerStatistics) gradients.layers().get(1);
        INDArray expected = held.activations().dup();
        held.retain();
        first.release();

        for (int i = 0; i < 3; i++) {
            mlp.forward(gaussian(random, 1, 5, 4).castTo(DataType.FLOAT)).release();
        }

        assertThat(held.activations()).isEqualTo(expected);
        held.release();
        LayerStack.Activations again = mlp.forward(x);
        assertThat(again.homogeneousInputs().get(1)).isSameAs(held.activations());
        assertThat(again.output()).isEqualTo(expectedOutput);
    }
}
