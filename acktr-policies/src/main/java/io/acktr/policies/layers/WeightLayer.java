package io.acktr.policies.layers;

import io.acktr.api.curvature.LayerStatistics;
import io.acktr.numerics.ArrayPool;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The shape and stateless numerics of a layer that is a matrix product {@code s = abar W^T} over
 * homogeneous input rows {@code abar} (a constant 1 appended, so the last column of {@code W} is
 * the bias). Between layers every sample is one flat row: inputs are {@code N x inputSize()} and
 * pre-activations {@code N x outputSize()}; a convolution's rows are its patches, several per sample.
 */
public sealed interface WeightLayer permits DenseLayer, ConvLayer {
    /** The parameter block name, used in error messages. */
    String name();

    /** Width of one sample's input. */
    int inputSize();

    /** Width of one sample's output. */
    int outputSize();

    /** Shape of the weights, {@code outputs x (inputs per row + 1)}. */
    long[] weightShape();

    /** The homogeneous rows the weights multiply: {@code [a, 1]}, or the patches with a 1 appended. */
    INDArray homogeneousInput(INDArray input);

    /**
     * {@link #homogeneousInput(INDArray)} in an array of {@code pool}'s when the layer's rows are
     * large enough to be worth reusing (a convolution's patches), else in a new unpooled one.
     */
    default ArrayPool.Lease homogeneousInput(INDArray input, ArrayPool pool) {
        return ArrayPool.Lease.unpooled(homogeneousInput(input));
    }

    /** {@code s = abar W^T}, {@code N x outputSize()}. */
    INDArray forward(INDArray weights, INDArray homogeneousInput);

    /**
     * {@link #forward(INDArray, INDArray)} into an array of {@code pool}'s when the output is large
     * (a convolution's); the lease's array holds the output's elements, possibly in another shape.
     */
    default ArrayPool.Lease forward(INDArray weights, INDArray homogeneousInput, ArrayPool pool) {
        return ArrayPool.Lease.unpooled(forward(weights, homogeneousInput));
    }

    /** {@code dL/dW = g^T abar}, summed over the batch, from {@code g = dL/ds} ({@code N x outputSize()}). */
    INDArray weightGradient(INDArray homogeneousInput, INDArray preActivationGradient);

    /** {@code dL/da}, {@code N x inputSize()}. */
    INDArray inputGradient(INDArray weights, INDArray preActivationGradient);

    /** {@link #inputGradient(INDArray, INDArray)} with its large temporaries taken from, and given back to, {@code pool}. */
    default INDArray inputGradient(INDArray weights, INDArray preActivationGradient, ArrayPool pool) {
        return inputGradient(weights, preActivationGradient);
    }

    /** What a curvature estimator needs of this layer for one backward pass. */
    LayerStatistics statistics(INDArray homogeneousInput, INDArray preActivationGradient);

    /** {@link #statistics(INDArray, INDArray)} whose holders {@link LayerStatistics#retain retain} the pooled input. */
    default LayerStatistics statistics(ArrayPool.Lease homogeneousInput, INDArray preActivationGradient) {
        return statistics(homogeneousInput.array(), preActivationGradient);
    }

    /**
     * Forward mode: the directional derivative of {@code s}, {@code N x outputSize()}, along the
     * input's tangent ({@code N x inputSize()}) and the weights' tangent; {@code null} stands for
     * zero in both directions.
     */
    INDArray preActivationTangent(INDArray weights, INDArray homogeneousInput, INDArray inputTangent,
                                  INDArray weightTangent);

    /** Orthogonal weights scaled by {@code gain} and a zero bias, drawn from {@code random}. */
    INDArray orthogonalWeights(double gain, Random random, DataType dataType);
}
