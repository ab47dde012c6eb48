package io.acktr.policies.layers;

import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.DenseLayerStatistics;
import io.acktr.numerics.ArrayPool;
import io.acktr.numerics.Gemm;
import io.acktr.numerics.Rows;
import java.util.Arrays;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The shape of one dense layer {@code s = abar W^T}, and its stateless numerics. The weights are one
 * {@code outputSize x (inputSize + 1)} matrix whose last column is the bias; the input is extended
 * by a constant 1 to {@code abar = [a, 1]} ({@code N x (inputSize + 1)}).
 *
 * @param name the parameter block name, used in error messages
 */
public record DenseLayer(String name, int inputSize, int outputSize) implements WeightLayer {
    public DenseLayer {
        requireNonNull(name, "name is null");
        if (inputSize < 1 || outputSize < 1) {
            throw new IllegalArgumentException("layer " + name + ": sizes must be >= 1, got " + inputSize
                    + " -> " + outputSize);
        }
    }

    @Override
    public long[] weightShape() {
        return new long[] {outputSize, inputSize + 1L};
    }

    /** {@code abar = [a, 1]}, {@code N x (inputSize + 1)}, in the input's data type. */
    @Override
    public INDArray homogeneousInput(INDArray input) {
        checkShape("input", input, input.rows(), inputSize);
        return Rows.appendOnes(input);
    }

    /**
     * {@code abar} in an array of {@code pool}'s (the same rows: the arrays of one update's passes are
     * reused by the next instead of allocated, 15-25 us each through ND4J).
     */
    @Override
    public ArrayPool.Lease homogeneousInput(INDArray input, ArrayPool pool) {
        checkShape("input", input, input.rows(), inputSize);
        if (!Rows.canAppendOnesInto(input)) {
            return ArrayPool.Lease.unpooled(Rows.appendOnes(input));
        }
        ArrayPool.Lease lease = pool.take(input.dataType(), input.rows(), inputSize + 1L);
        Rows.appendOnes(input, lease.array());
        return lease;
    }

    /** {@code s = abar W^T}, {@code N x outputSize}. */
    @Override
    public INDArray forward(INDArray weights, INDArray homogeneousInput) {
        checkWeights(weights);
        checkShape("homogeneous input", homogeneousInput, homogeneousInput.rows(), inputSize + 1L);
        return Gemm.product(homogeneousInput, weights, false, true);
    }

    /** The same product into an array of {@code pool}'s, by the same BLAS call. */
    @Override
    public ArrayPool.Lease forward(INDArray weights, INDArray homogeneousInput, ArrayPool pool) {
        checkWeights(weights);
        checkShape("homogeneous input", homogeneousInput, homogeneousInput.rows(), inputSize + 1L);
        if (weights.dataType() != homogeneousInput.dataType()) {
            return ArrayPool.Lease.unpooled(forward(weights, homogeneousInput));
        }
        ArrayPool.Lease output = pool.take(homogeneousInput.dataType(), homogeneousInput.rows(), outputSize);
        Gemm.accumulate(homogeneousInput, weights, output.array(), false, true, 1.0, 0.0);
        return output;
    }

    /** {@code dL/dW = g^T abar}, {@code outputSize x (inputSize + 1)}, summed over the batch. */
    @Override
    public INDArray weightGradient(INDArray homogeneousInput, INDArray preActivationGradient) {
        checkShape("homogeneous input", homogeneousInput, homogeneousInput.rows(), inputSize + 1L);
        checkShape("pre-activation gradient", preActivationGradient, homogeneousInput.rows(), outputSize);
        return Gemm.product(preActivationGradient, homogeneousInput, true, false);
    }

    /** {@code dL/da = g W[:, :inputSize]}, {@code N x inputSize}. */
    @Override
    public INDArray inputGradient(INDArray weights, INDArray preActivationGradient) {
        checkWeights(weights);
        checkShape("pre-activation gradient", preActivationGradient, preActivationGradient.rows(), outputSize);
        // one product with the weight matrix but its bias column, a whole array of its own (the layer
        // below may then multiply by its activation's derivative in place)
        return Gemm.productOfLeftColumns(preActivationGradient, weights, inputSize);
    }

    /**
     * Forward mode: the directional derivative {@code ds = [a_dot, 0] W^T + abar dW^T} of the
     * pre-activation, {@code N x outputSize}, given the input's tangent {@code a_dot} ({@code N x inputSize})
     * and the weights' tangent {@code dW} (of the weights' shape). Either tangent may be {@code null}
     * for zero; when both are, the result is {@code null} (zero).
     */
    @Override
    public INDArray preActivationTangent(INDArray weights, INDArray homogeneousInput, INDArray inputTangent,
                                         INDArray weightTangent) {
        checkWeights(weights);
        checkShape("homogeneous input", homogeneousInput, homogeneousInput.rows(), inputSize + 1L);
        INDArray tangent = null;
        if (inputTangent != null) {
            checkShape("input tangent", inputTangent, homogeneousInput.rows(), inputSize);
            tangent = Nd4j.gemm(inputTangent, weights.get(NDArrayIndex.all(), NDArrayIndex.interval(0, inputSize)),
                    false, true);
        }
        if (weightTangent != null) {
            checkShape("weight tangent", weightTangent, outputSize, inputSize + 1L);
            tangent = tangent == null
                    ? Gemm.product(homogeneousInput, weightTangent, false, true)
                    : accumulated(homogeneousInput, weightTangent, tangent);
        }
        return tangent;
    }

    private static INDArray accumulated(INDArray homogeneousInput, INDArray weightTangent, INDArray tangent) {
        Gemm.accumulate(homogeneousInput, weightTangent, tangent, false, true, 1.0, 1.0);
        return tangent;
    }

    /** The per-sample inputs and pre-activation gradients, as they are. */
    @Override
    public DenseLayerStatistics statistics(INDArray homogeneousInput, INDArray preActivationGradient) {
        return new DenseLayerStatistics(name, homogeneousInput, preActivationGradient);
    }

    /** The same, holding the pooled inputs' lease. */
    @Override
    public DenseLayerStatistics statistics(ArrayPool.Lease homogeneousInput, INDArray preActivationGradient) {
        return new DenseLayerStatistics(name, homogeneousInput.array(), preActivationGradient, homogeneousInput);
    }

    /** Orthogonal weights scaled by {@code gain} and a zero bias, drawn from {@code random}. */
    @Override
    public INDArray orthogonalWeights(double gain, Random random, DataType dataType) {
        return OrthogonalInitializer.withZeroBias(outputSize, inputSize, gain, random, dataType);
    }

    private void checkWeights(INDArray weights) {
        checkShape("weights", weights, outputSize, inputSize + 1L);
    }

    private void checkShape(String what, INDArray array, long rows, long columns) {
        requireNonNull(array, what + " is null");
        if (array.rank() != 2 || array.rows() != rows || array.columns() != columns) {
            throw new IllegalArgumentException("layer " + name + ": " + what + " must be " + rows + " x " + columns
                    + ", got " + Arrays.toString(array.shape()));
        }
    }
}
