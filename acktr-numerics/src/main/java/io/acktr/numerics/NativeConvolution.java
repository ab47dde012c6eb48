package io.acktr.numerics;

import static java.util.Objects.requireNonNull;

import java.lang.ref.Reference;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.convolution_backward_data;
import org.bytedeco.dnnl.convolution_backward_weights;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One float 2-D convolution (square kernel and stride, valid padding) over channels-last images,
 * computed by oneDNN's convolution primitives (forward, backward data, backward weights) straight
 * from the images, without a patch matrix. The weights are the layout a patch product uses:
 * {@code filters x (kernel^2 channels + 1)}, each row the kernel in (kernel row, kernel column,
 * channel) order followed by the bias; oneDNN reads them, and writes their gradient, through
 * strided views of that matrix, reordered to and from the blocked layouts its kernels prefer.
 *
 * <p>Images are {@code N x (H W C)} and outputs {@code N x (OH OW filters)}, row-major, which is
 * oneDNN's {@code nhwc}. The primitives of each batch size are made on first use and kept. oneDNN
 * computes on as many OpenMP threads as {@code OMP_NUM_THREADS} allows (the launcher's default is
 * one). The calls of one instance are serialised; instances share nothing.
 *
 * <p>{@link #available()} says whether oneDNN loads on this machine; a layer without it keeps its
 * patch products ({@link Gemm}).
 */
public final class NativeConvolution {
    private static final Logger LOG = LoggerFactory.getLogger(NativeConvolution.class);
    private static final boolean AVAILABLE = loads();

    private final int height;
    private final int width;
    private final int channels;
    private final int filters;
    private final int kernel;
    private final int stride;
    private final Map<Long, Primitives> byBatch = new LinkedHashMap<>();
    private engine engine;
    private stream stream;

    public NativeConvolution(int height, int width, int channels, int filters, int kernel, int stride) {
        if (height < 1 || width < 1 || channels < 1 || filters < 1 || kernel < 1 || stride < 1 || kernel > height
                || kernel > width) {
            throw new IllegalArgumentException("a convolution of " + height + "x" + width + "x" + channels + " with "
                    + filters + " filters, kernel " + kernel + ", stride " + stride + " is not valid");
        }
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.filters = filters;
        this.kernel = kernel;
        this.stride = stride;
    }

    /** Whether oneDNN's primitives load here (else callers keep their patch products). */
    public static boolean available() {
        return AVAILABLE;
    }

    private int outputHeight() {
        return (height - kernel) / stride + 1;
    }

    private int outputWidth() {
        return (width - kernel) / stride + 1;
    }

    private int patchSize() {
        return kernel * kernel * channels;
    }

    /** {@code output <- conv(images, W) + b}: {@code N x (H W C)} images into the {@code N OH OW x filters} (or {@code N x OH OW filters}) output. */
    public synchronized void forward(INDArray images, INDArray weights, INDArray output) {
        Primitives p = primitives(images.rows());
        checkWeights(weights);
        check("output", output, images.rows() * outputHeight() * outputWidth() * (long) filters);
        p.userWeights.set_data_handle(address(weights, 0));
        p.toForwardWeights.execute(stream, p.userWeights, p.forwardWeights);
        FloatPointer matrix = floats(weights);
        for (int o = 0; o < filters; o++) {
            p.biasValues.put(o, matrix.get((long) o * (patchSize() + 1) + patchSize()));
        }
        p.images.set_data_handle(address(images, 0));
        p.output.set_data_handle(address(output, 0));
        p.forward.execute(stream, p.forwardArguments);
        stream._wait();
        Reference.reachabilityFence(images);
        Reference.reachabilityFence(weights);
        Reference.reachabilityFence(output);
    }

    /** {@code dL/dW} (bias column last) of the batch, written over {@code weightGradient}, from the images and {@code dL/ds}. */
    public synchronized void weightGradient(INDArray images, INDArray outputGradient, INDArray weightGradient) {
        Primitives p = primitives(images.rows());
        checkWeights(weightGradient);
        check("output gradient", outputGradient, images.rows() * outputHeight() * outputWidth() * (long) filters);
        p.images.set_data_handle(address(images, 0));
        p.outputGradient.set_data_handle(address(outputGradient, 0));
        p.backwardWeights.execute(stream, p.backwardWeightsArguments);
        p.userWeights.set_data_handle(address(weightGradient, 0));
        p.fromWeightGradient.execute(stream, p.weightGradient, p.userWeights);
        stream._wait();
        FloatPointer matrix = floats(weightGradient);
        for (int o = 0; o < filters; o++) {
            matrix.put((long) o * (patchSize() + 1) + patchSize(), p.biasGradientValues.get(o));
        }
        Reference.reachabilityFence(images);
        Reference.reachabilityFence(outputGradient);
        Reference.reachabilityFence(weightGradient);
    }

    /** {@code dL/d images}, written over {@code inputGradient} ({@code N x (H W C)}), from the weights and {@code dL/ds}. */
    public synchronized void inputGradient(INDArray weights, INDArray outputGradient, INDArray inputGradient) {
        Primitives p = primitives(inputGradient.rows());
        checkWeights(weights);
        check("output gradient", outputGradient, inputGradient.rows() * outputHeight() * outputWidth() * (long) filters);
        p.userWeights.set_data_handle(address(weights, 0));
        p.toDataWeights.execute(stream, p.userWeights, p.dataWeights);
        p.outputGradient.set_data_handle(address(outputGradient, 0));
        p.inputGradient.set_data_handle(address(inputGradient, 0));
        p.backwardData.execute(stream, p.backwardDataArguments);
        stream._wait();
        Reference.reachabilityFence(weights);
        Reference.reachabilityFence(outputGradient);
        Reference.reachabilityFence(inputGradient);
    }

    private Primitives primitives(long batch) {
        if (engine == null) {
            engine = new engine(org.bytedeco.dnnl.engine.kind.cpu, 0);
            stream = new stream(engine);
        }
        return byBatch.computeIfAbsent(batch, Primitives::new);
    }

    /** The primitives and memory objects of one batch size. */
    private final class Primitives {
        final memory images;
        final memory output;
        final memory outputGradient;
        final memory inputGradient;
        final memory userWeights;
        final memory forwardWeights;
        final memory dataWeights;
        final memory bias;
        final memory weightGradient;
        final memory biasGradient;
        final reorder toForwardWeights;
        final reorder toDataWeights;
        final reorder fromWeightGradient;
        /** The bias and its gradient, copied from and to the weight matrix's last column (oneDNN reorders no strided vector). */
        final FloatPointer biasValues = new FloatPointer(filters);
        final FloatPointer biasGradientValues = new FloatPointer(filters);
        final convolution_forward forward;
        final convolution_backward_data backwardData;
        final convolution_backward_weights backwardWeights;
        final IntMemoryMap forwardArguments = new IntMemoryMap();
        final IntMemoryMap backwardDataArguments = new IntMemoryMap();
        final IntMemoryMap backwardWeightsArguments = new IntMemoryMap();

        Primitives(long batch) {
            long[] imageDims = {batch, channels, height, width};
            long[] outputDims = {batch, filters, outputHeight(), outputWidth()};
            long[] weightDims = {filters, channels, kernel, kernel};
            long[] strides = {stride, stride};
            long[] padding = {0, 0};
            memory.desc imageDesc = new memory.desc(imageDims, memory.data_type.f32, memory.format_tag.nhwc);
            memory.desc outputDesc = new memory.desc(outputDims, memory.data_type.f32, memory.format_tag.nhwc);
            memory.desc anyWeights = new memory.desc(weightDims, memory.data_type.f32, memory.format_tag.any);
            memory.desc denseBias = new memory.desc(new long[] {filters}, memory.data_type.f32, memory.format_tag.x);
            // the user's weight matrix: row o is (kernel row, kernel column, channel), then the bias
            long row = patchSize() + 1L;
            memory.desc userWeightDesc = new memory.desc(new org.bytedeco.javacpp.LongPointer(weightDims),
                    memory.data_type.f32, new org.bytedeco.javacpp.LongPointer(row, 1, (long) kernel * channels, channels));

            convolution_forward.primitive_desc forwardDesc = new convolution_forward.primitive_desc(
                    new convolution_forward.desc(dnnl.prop_kind.forward_training, dnnl.algorithm.convolution_direct,
                            imageDesc, anyWeights, denseBias, outputDesc, strides, padding, padding), engine);
            convolution_backward_data.primitive_desc dataDesc = new convolution_backward_data.primitive_desc(
                    new convolution_backward_data.desc(dnnl.algorithm.convolution_direct, imageDesc, anyWeights,
                            outputDesc, strides, padding, padding), engine, forwardDesc);
            convolution_backward_weights.primitive_desc weightsDesc = new convolution_backward_weights.primitive_desc(
                    new convolution_backward_weights.desc(dnnl.algorithm.convolution_direct, imageDesc, anyWeights,
                            denseBias, outputDesc, strides, padding, padding), engine, forwardDesc);

            images = new memory(imageDesc, engine, null);
            output = new memory(outputDesc, engine, null);
            outputGradient = new memory(outputDesc, engine, null);
            inputGradient = new memory(imageDesc, engine, null);
            userWeights = new memory(userWeightDesc, engine, null);
            forwardWeights = new memory(forwardDesc.weights_desc(), engine);
            dataWeights = new memory(dataDesc.weights_desc(), engine);
            bias = new memory(forwardDesc.bias_desc(), engine, biasValues);
            weightGradient = new memory(weightsDesc.diff_weights_desc(), engine);
            biasGradient = new memory(weightsDesc.diff_bias_desc(), engine, biasGradientValues);
            toForwardWeights = new reorder(userWeights, forwardWeights);
            toDataWeights = new reorder(userWeights, dataWeights);
            fromWeightGradient = new reorder(weightGradient, userWeights);
            forward = new convolution_forward(forwardDesc);
            backwardData = new convolution_backward_data(dataDesc);
            backwardWeights = new convolution_backward_weights(weightsDesc);
            forwardArguments.put(dnnl.DNNL_ARG_SRC, images);
            forwardArguments.put(dnnl.DNNL_ARG_WEIGHTS, forwardWeights);
            forwardArguments.put(dnnl.DNNL_ARG_BIAS, bias);
            forwardArguments.put(dnnl.DNNL_ARG_DST, output);
            backwardDataArguments.put(dnnl.DNNL_ARG_DIFF_DST, outputGradient);
            backwardDataArguments.put(dnnl.DNNL_ARG_WEIGHTS, dataWeights);
            backwardDataArguments.put(dnnl.DNNL_ARG_DIFF_SRC, inputGradient);
            backwardWeightsArguments.put(dnnl.DNNL_ARG_SRC, images);
            backwardWeightsArguments.put(dnnl.DNNL_ARG_DIFF_DST, outputGradient);
            backwardWeightsArguments.put(dnnl.DNNL_ARG_DIFF_WEIGHTS, weightGradient);
            backwardWeightsArguments.put(dnnl.DNNL_ARG_DIFF_BIAS, biasGradient);
        }
    }

    private void checkWeights(INDArray weights) {
        requireNonNull(weights, "weights is null");
        if (weights.rank() != 2 || weights.rows() != filters || weights.columns() != patchSize() + 1L) {
            throw new IllegalArgumentException("weights must be " + filters + " x " + (patchSize() + 1) + ", got "
                    + java.util.Arrays.toString(weights.shape()));
        }
        plainFloat("weights", weights);
    }

    private static void check(String what, INDArray array, long length) {
        requireNonNull(array, what + " is null");
        if (array.length() != length) {
            throw new IllegalArgumentException(what + " must hold " + length + " elements, got "
                    + java.util.Arrays.toString(array.shape()));
        }
        plainFloat(what, array);
    }

    private static void plainFloat(String what, INDArray array) {
        if (array.dataType() != DataType.FLOAT || array.ordering() != 'c' || array.offset() != 0
                || !Shape.hasDefaultStridesForShape(array) || array.data().length() != array.length()) {
            throw new IllegalArgumentException(what + " must be a whole row-major float buffer, got " + array.dataType()
                    + " " + array.ordering() + " " + java.util.Arrays.toString(array.shape()));
        }
    }

    private static FloatPointer floats(INDArray array) {
        return new FloatPointer(array.data().addressPointer());
    }

    /** The address of the array's element {@code offset} (its buffer is checked to be plain). */
    private static Pointer address(INDArray array, long offset) {
        return new FloatPointer(array.data().addressPointer()).position(offset);
    }

    private static boolean loads() {
        try {
            NativeConvolution probe = new NativeConvolution(3, 3, 1, 1, 2, 1);
            INDArray image = Nd4j.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, new long[] {1, 9}, 'c');
            INDArray weights = Nd4j.create(new float[] {1, 0, 0, 1, 0.5f}, new long[] {1, 5}, 'c');
            INDArray output = Nd4j.createUninitialized(DataType.FLOAT, new long[] {1, 4}, 'c');
            probe.forward(image, weights, output);
            return java.util.Arrays.equals(output.data().asFloat(), new float[] {6.5f, 8.5f, 12.5f, 14.5f});
        } catch (RuntimeException | LinkageError e) {
            LOG.info("no oneDNN ({}): convolutions go through patch products", e.toString());
            return false;
        }
    }
}
