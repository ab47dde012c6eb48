package io.acktr.policies.layers;

import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.ConvLayerStatistics;
import io.acktr.numerics.ArrayPool;
import io.acktr.numerics.Gemm;
import java.util.Arrays;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The shape of one 2-D convolution (square kernel and stride, valid padding) over channels-last
 * images, and its stateless numerics, written as a dense layer over the input's patches (im2col).
 *
 * <p>Layout. A sample's input is its {@code H x W x C} image flattened row-major (channels last,
 * as Gymnasium and MinAtar give it); its output is the {@code OH x OW x filters} image flattened
 * the same way, so the next convolution or a dense layer takes it as it is. At each of the
 * {@code T = OH OW} output positions (row-major) the patch is the {@code kernel x kernel x C}
 * window flattened in the order (kernel row, kernel column, channel), so that each kernel row is
 * one contiguous run of the input, followed by a constant 1. The weights are one
 * {@code filters x (kernel^2 C + 1)} matrix whose columns follow the same order and whose last
 * column is the bias. A batch's patches are one {@code (N T) x (kernel^2 C + 1)} matrix,
 * sample-major (rows {@code i T ... i T + T - 1} are sample {@code i}'s positions), so
 * {@code s = patches W^T} is one matrix product whose {@code (N T) x filters} result already is the
 * {@code N x (OH OW filters)} output.
 *
 * <p>im2col copies each kernel row of each window into the patch matrix, and col2im (the input
 * gradient) adds the patch gradients back, as Java loops over the native buffers
 * ({@link PatchCopies}). For buffers over 2 GiB, im2col is one strided copy (a view whose strides
 * walk the overlapping windows, assigned into the patch matrix) and col2im copies the patch
 * gradients through non-overlapping strided views into {@code ceil(kernel / stride)^2} images and
 * sums them; both paths give the same bits.
 * Products go through {@link Gemm}: straight to BLAS, without ND4J's per-operation overhead.
 */
public record ConvLayer(String name, int inputHeight, int inputWidth, int inputChannels, int filters, int kernel,
                        int stride) implements WeightLayer {
    public ConvLayer {
        requireNonNull(name, "name is null");
        if (inputHeight < 1 || inputWidth < 1 || inputChannels < 1 || filters < 1 || kernel < 1 || stride < 1) {
            throw new IllegalArgumentException("layer " + name + ": sizes must be >= 1, got input " + inputHeight + "x"
                    + inputWidth + "x" + inputChannels + ", " + filters + " filters, kernel " + kernel + ", stride "
                    + stride);
        }
        if (kernel > inputHeight || kernel > inputWidth) {
            throw new IllegalArgumentException("layer " + name + ": a " + kernel + "x" + kernel
                    + " kernel does not fit a " + inputHeight + "x" + inputWidth + " input (valid padding)");
        }
    }

    public int outputHeight() {
        return (inputHeight - kernel) / stride + 1;
    }

    public int outputWidth() {
        return (inputWidth - kernel) / stride + 1;
    }

    /** {@code T}, the output positions per sample. */
    public int locations() {
        return outputHeight() * outputWidth();
    }

    /** {@code kernel^2 C}, the width of a patch without its constant 1. */
    public int patchSize() {
        return kernel * kernel * inputChannels;
    }

    @Override
    public int inputSize() {
        return inputHeight * inputWidth * inputChannels;
    }

    @Override
    public int outputSize() {
        return locations() * filters;
    }

    @Override
    public long[] weightShape() {
        return new long[] {filters, patchSize() + 1L};
    }

    /** The patches with a constant 1 appended, {@code (N T) x (kernel^2 C + 1)}, sample-major. */
    @Override
    public INDArray homogeneousInput(INDArray input) {
        return patches(input, 1.0);
    }

    /** The patches in an array of {@code pool}'s. */
    @Override
    public ArrayPool.Lease homogeneousInput(INDArray input, ArrayPool pool) {
        checkShape("input", input, input.rows(), inputSize());
        ArrayPool.Lease lease = pool.take(input.dataType(), input.rows() * locations(), patchSize() + 1L);
        fillPatches(input, lease.array(), 1.0);
        return lease;
    }

    /** {@code s = patches W^T}, returned as the {@code N x (OH OW filters)} channels-last output. */
    @Override
    public INDArray forward(INDArray weights, INDArray homogeneousInput) {
        checkWeights(weights);
        checkPatches(homogeneousInput);
        return perSample(Gemm.product(homogeneousInput, weights, false, true));
    }

    /** The same product into a {@code (N T) x filters} array of {@code pool}'s. */
    @Override
    public ArrayPool.Lease forward(INDArray weights, INDArray homogeneousInput, ArrayPool pool) {
        checkWeights(weights);
        checkPatches(homogeneousInput);
        ArrayPool.Lease output = pool.take(homogeneousInput.dataType(), homogeneousInput.rows(), filters);
        Gemm.accumulate(homogeneousInput, weights, output.array(), false, true, 1.0, 0.0);
        return output;
    }

    /** {@code dL/dW = sum over samples and positions of g_t abar_t^T = g^T patches}. */
    @Override
    public INDArray weightGradient(INDArray homogeneousInput, INDArray preActivationGradient) {
        checkPatches(homogeneousInput);
        return Gemm.product(perLocation(preActivationGradient, homogeneousInput.rows() / locations()), homogeneousInput,
                true, false);
    }

    /**
     * {@code dL/da = col2im(g W)}, {@code N x (H W C)}; the bias column of {@code g W} is computed
     * with the rest (one matrix product) and skipped by col2im.
     */
    @Override
    public INDArray inputGradient(INDArray weights, INDArray preActivationGradient) {
        checkWeights(weights);
        long samples = preActivationGradient.rows();
        return patchesToImages(rowMajor(Gemm.product(perLocation(preActivationGradient, samples), weights, false, false)),
                samples);
    }

    /** The same, with the {@code (N T) x (kernel^2 C + 1)} patch gradient in an array of {@code pool}'s. */
    @Override
    public INDArray inputGradient(INDArray weights, INDArray preActivationGradient, ArrayPool pool) {
        checkWeights(weights);
        long samples = preActivationGradient.rows();
        ArrayPool.Lease patchGradient = pool.take(weights.dataType(), samples * locations(), patchSize() + 1L);
        try {
            Gemm.accumulate(perLocation(preActivationGradient, samples), weights, patchGradient.array(), false, false,
                    1.0, 0.0);
            return patchesToImages(patchGradient.array(), samples);
        } finally {
            patchGradient.release();
        }
    }

    /** col2im of a row-major patch gradient. */
    private INDArray patchesToImages(INDArray patchGradient, long samples) {
        long imageBytes = samples * inputSize() * patchGradient.dataType().width();
        return PatchCopies.fits(patchGradient) && imageBytes <= Integer.MAX_VALUE
                ? PatchCopies.col2im(this, patchGradient, samples)
                : sumOverPatches(patchGradient, samples);
    }

    /** The patches and {@code d objective / d s} per position, {@code (N T) x filters}. */
    @Override
    public ConvLayerStatistics statistics(INDArray homogeneousInput, INDArray preActivationGradient) {
        checkPatches(homogeneousInput);
        return new ConvLayerStatistics(name, homogeneousInput,
                perLocation(preActivationGradient, homogeneousInput.rows() / locations()), locations());
    }

    /** The statistics, holding the pooled patches' lease. */
    @Override
    public ConvLayerStatistics statistics(ArrayPool.Lease homogeneousInput, INDArray preActivationGradient) {
        INDArray patches = homogeneousInput.array();
        checkPatches(patches);
        return new ConvLayerStatistics(name, patches, perLocation(preActivationGradient, patches.rows() / locations()),
                locations(), homogeneousInput);
    }

    /**
     * Forward mode: {@code ds = [im2col(a_dot), 0] W^T + patches dW^T}, {@code N x (OH OW filters)};
     * {@code null} tangents are zero, and the result is {@code null} when both are.
     */
    @Override
    public INDArray preActivationTangent(INDArray weights, INDArray homogeneousInput, INDArray inputTangent,
                                         INDArray weightTangent) {
        checkWeights(weights);
        checkPatches(homogeneousInput);
        INDArray tangent = null;
        if (inputTangent != null) {
            checkShape("input tangent", inputTangent, homogeneousInput.rows() / locations(), inputSize());
            tangent = Gemm.product(patches(inputTangent, 0.0), weights, false, true);
        }
        if (weightTangent != null) {
            checkShape("weight tangent", weightTangent, filters, patchSize() + 1L);
            tangent = tangent == null
                    ? Gemm.product(homogeneousInput, weightTangent, false, true)
                    : tangent.addi(Gemm.product(homogeneousInput, weightTangent, false, true));
        }
        return tangent == null ? null : perSample(tangent);
    }

    /**
     * Orthogonal {@code filters x kernel^2 C} weights scaled by {@code gain} (the matrix torch
     * orthogonalises for a conv kernel, up to the column order), and a zero bias.
     */
    @Override
    public INDArray orthogonalWeights(double gain, Random random, DataType dataType) {
        return OrthogonalInitializer.withZeroBias(filters, patchSize(), gain, random, dataType);
    }

    /** im2col: bulk copies of kernel rows ({@link PatchCopies}), or one strided copy of the overlapping windows. */
    private INDArray patches(INDArray input, double homogeneousValue) {
        checkShape("input", input, input.rows(), inputSize());
        INDArray patches = Nd4j.createUninitialized(input.dataType(), input.rows() * locations(), patchSize() + 1L);
        fillPatches(input, patches, homogeneousValue);
        return patches;
    }

    /** Overwrites every element of the {@code (N T) x (kernel^2 C + 1)} {@code patches}. */
    private void fillPatches(INDArray input, INDArray patches, double homogeneousValue) {
        INDArray source = rowMajor(input);
        if (PatchCopies.fits(source, patches)) {
            PatchCopies.im2col(this, source, patches, homogeneousValue);
        } else {
            stridedPatches(source, patches, homogeneousValue);
        }
    }

    /** im2col through strided views, for buffers {@link PatchCopies} cannot take. */
    INDArray stridedPatches(INDArray source, INDArray patches, double homogeneousValue) {
        long samples = source.rows();
        long columns = patchSize() + 1L;
        long run = (long) kernel * inputChannels;
        long[] windowShape = {samples, outputHeight(), outputWidth(), kernel, run};
        INDArray windows = Nd4j.create(source.data(), windowShape,
                new long[] {inputSize(), (long) stride * inputWidth * inputChannels, (long) stride * inputChannels,
                        (long) inputWidth * inputChannels, 1},
                0, 'c', source.dataType());
        INDArray patchView = Nd4j.create(patches.data(), windowShape,
                new long[] {locations() * columns, outputWidth() * columns, columns, run, 1}, 0, 'c',
                source.dataType());
        patchView.assign(windows);
        patches.get(NDArrayIndex.all(), NDArrayIndex.point(patchSize())).assign(homogeneousValue);
        return patches;
    }

    /**
     * col2im: adds each patch gradient ({@code (N T) x (kernel^2 C + 1)}, row-major, the last column
     * ignored) to the input position it was copied from. Kernel offsets {@code (dy, dx)} within one
     * {@code stride x stride} block never reach the same input position from two output positions,
     * so each block is one strided copy into a zero image; the images are then summed. (Copying and
     * summing measured about 3x faster than adding into strided views of one image.)
     */
    INDArray sumOverPatches(INDArray patchGradient, long samples) {
        long rowStride = (long) inputWidth * inputChannels;
        long columns = patchSize() + 1L;
        INDArray inputGradient = null;
        for (int y0 = 0; y0 < kernel; y0 += stride) {
            for (int x0 = 0; x0 < kernel; x0 += stride) {
                long[] blockShape = {samples, outputHeight(), outputWidth(), Math.min(stride, kernel - y0),
                        (long) Math.min(stride, kernel - x0) * inputChannels};
                INDArray image = Nd4j.zeros(patchGradient.dataType(), samples, inputSize());
                INDArray target = Nd4j.create(image.data(), blockShape,
                        new long[] {inputSize(), stride * rowStride, (long) stride * inputChannels, rowStride, 1},
                        (y0 * rowStride) + (long) x0 * inputChannels, 'c', image.dataType());
                INDArray source = Nd4j.create(patchGradient.data(), blockShape,
                        new long[] {locations() * columns, outputWidth() * columns, columns,
                                (long) kernel * inputChannels, 1},
                        ((long) y0 * kernel + x0) * inputChannels, 'c', patchGradient.dataType());
                target.assign(source);
                inputGradient = inputGradient == null ? image : inputGradient.addi(image);
            }
        }
        return inputGradient;
    }

    /** {@code N x (T filters)} to {@code (N T) x filters}, a view when the gradient is row-major. */
    private INDArray perLocation(INDArray preActivationGradient, long samples) {
        checkShape("pre-activation gradient", preActivationGradient, samples, outputSize());
        return preActivationGradient.reshape('c', samples * locations(), filters);
    }

    private INDArray perSample(INDArray perLocation) {
        return perLocation.reshape('c', perLocation.rows() / locations(), outputSize());
    }

    /** The array itself when its buffer holds exactly its elements in row-major order, else a copy. */
    static INDArray rowMajor(INDArray array) {
        boolean plain = array.ordering() == 'c' && array.offset() == 0 && Shape.hasDefaultStridesForShape(array)
                && array.data().length() == array.length();
        return plain ? array : array.dup('c');
    }

    private void checkPatches(INDArray patches) {
        requireNonNull(patches, "patches is null");
        if (patches.rank() != 2 || patches.columns() != patchSize() + 1L || patches.rows() % locations() != 0) {
            throw new IllegalArgumentException("layer " + name + ": patches must be (N * " + locations() + ") x "
                    + (patchSize() + 1) + ", got " + Arrays.toString(patches.shape()));
        }
    }

    private void checkWeights(INDArray weights) {
        checkShape("weights", weights, filters, patchSize() + 1L);
    }

    private void checkShape(String what, INDArray array, long rows, long columns) {
        requireNonNull(array, what + " is null");
        if (array.rank() != 2 || array.rows() != rows || array.columns() != columns) {
            throw new IllegalArgumentException("layer " + name + ": " + what + " must be " + rows + " x " + columns
                    + ", got " + Arrays.toString(array.shape()));
        }
    }
}
