package io.acktr.policies.layers;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * im2col and col2im of a {@link ConvLayer} in Java, one sample at a time: the sample's input (or
 * patch gradients) is read from the native buffer in one bulk copy, its patches are assembled with
 * {@link System#arraycopy} of whole kernel rows (or its image summed over contiguous runs) in a
 * heap array, and the result is written back in one bulk copy. ND4J's strided assignments of the
 * equivalent rank-5 views took several times as long (a Nature-CNN batch of 640 spent about a
 * second of its update in them). Works on row-major float or double arrays whose buffers each hold
 * at most {@link Integer#MAX_VALUE} bytes ({@link #fits}); the layer keeps its strided-view path
 * for anything else.
 */
final class PatchCopies {
    private PatchCopies() {
    }

    /** Whether these arrays can take this path: plain row-major float or double buffers below 2 GiB. */
    static boolean fits(INDArray... arrays) {
        for (INDArray a : arrays) {
            boolean floating = a.dataType() == DataType.FLOAT || a.dataType() == DataType.DOUBLE;
            if (!floating || a.ordering() != 'c' || a.offset() != 0 || a.data().length() != a.length()
                    || a.length() * a.dataType().width() > Integer.MAX_VALUE) {
                return false;
            }
        }
        return true;
    }

    /** Fills {@code patches} ((N T) x (kernel^2 C + 1)) from {@code source} (N x (H W C)), the last column {@code homogeneousValue}. */
    static void im2col(ConvLayer layer, INDArray source, INDArray patches, double homogeneousValue) {
        int width = source.dataType().width();
        ByteBuffer from = bytes(source);
        ByteBuffer to = bytes(patches);
        int inputBytes = layer.inputSize() * width;
        int patchRow = (layer.patchSize() + 1) * width;
        int patchBytes = layer.locations() * patchRow;
        int run = layer.kernel() * layer.inputChannels() * width;
        byte[] input = new byte[inputBytes];
        byte[] sample = new byte[patchBytes];
        ByteBuffer homogeneous = ByteBuffer.wrap(sample).order(ByteOrder.nativeOrder());
        for (int t = 0; t < layer.locations(); t++) {
            if (width == Float.BYTES) {
                homogeneous.putFloat(t * patchRow + patchRow - width, (float) homogeneousValue);
            } else {
                homogeneous.putDouble(t * patchRow + patchRow - width, homogeneousValue);
            }
        }
        int[] windows = kernelRowOffsets(layer, width);
        for (int i = 0; i < source.rows(); i++) {
            from.get(i * inputBytes, input);
            for (int r = 0; r < windows.length; r++) {
                System.arraycopy(input, windows[r], sample, r / layer.kernel() * patchRow + r % layer.kernel() * run, run);
            }
            to.put(i * patchBytes, sample);
        }
        // the NIO views do not keep the arrays' native memory alive
        Reference.reachabilityFence(source);
        Reference.reachabilityFence(patches);
    }

    /**
     * col2im: {@code N x (H W C)}, each patch gradient entry ({@code (N T) x (kernel^2 C + 1)}, the
     * last column ignored) added to the input position it was copied from. The additions go block
     * by block of kernel offsets {@code (y0, x0)} within one stride (rows first): within a block no
     * two positions meet, so every input position sums its terms in the same order as the
     * strided-view path, and both give the same bits.
     */
    static INDArray col2im(ConvLayer layer, INDArray patchGradient, long samples) {
        DataType type = patchGradient.dataType();
        INDArray image = Nd4j.createUninitialized(type, samples, layer.inputSize());
        int patchElements = layer.locations() * (layer.patchSize() + 1);
        int[][] runs = blockRuns(layer);
        if (type == DataType.FLOAT) {
            var from = bytes(patchGradient).asFloatBuffer();
            var to = bytes(image).asFloatBuffer();
            float[] gradient = new float[patchElements];
            float[] sum = new float[layer.inputSize()];
            for (int i = 0; i < samples; i++) {
                from.get(i * patchElements, gradient);
                java.util.Arrays.fill(sum, 0f);
                for (int[] r : runs) {
                    for (int j = 0; j < r[2]; j++) {
                        sum[r[1] + j] += gradient[r[0] + j];
                    }
                }
                to.put(i * layer.inputSize(), sum);
            }
        } else {
            var from = bytes(patchGradient).asDoubleBuffer();
            var to = bytes(image).asDoubleBuffer();
            double[] gradient = new double[patchElements];
            double[] sum = new double[layer.inputSize()];
            for (int i = 0; i < samples; i++) {
                from.get(i * patchElements, gradient);
                java.util.Arrays.fill(sum, 0.0);
                for (int[] r : runs) {
                    for (int j = 0; j < r[2]; j++) {
                        sum[r[1] + j] += gradient[r[0] + j];
                    }
                }
                to.put(i * layer.inputSize(), sum);
            }
        }
        Reference.reachabilityFence(patchGradient);
        return image;
    }

    /** Byte offsets, within one sample's input, of each kernel row of each window, window-major. */
    private static int[] kernelRowOffsets(ConvLayer layer, int width) {
        int[] offsets = new int[layer.locations() * layer.kernel()];
        int rowBytes = layer.inputWidth() * layer.inputChannels() * width;
        int r = 0;
        for (int oy = 0; oy < layer.outputHeight(); oy++) {
            for (int ox = 0; ox < layer.outputWidth(); ox++) {
                for (int ky = 0; ky < layer.kernel(); ky++) {
                    offsets[r++] = (oy * layer.stride() + ky) * rowBytes + ox * layer.stride() * layer.inputChannels() * width;
                }
            }
        }
        return offsets;
    }

    /**
     * Within one sample, the runs {@code {patch-gradient offset, image offset, length}} (in elements)
     * that col2im adds, block by block of kernel offsets {@code (y0, x0)}, rows first.
     */
    private static int[][] blockRuns(ConvLayer layer) {
        int kernel = layer.kernel();
        int stride = layer.stride();
        int channels = layer.inputChannels();
        int inputRow = layer.inputWidth() * channels;
        int patchRow = layer.patchSize() + 1;
        java.util.List<int[]> runs = new java.util.ArrayList<>();
        for (int y0 = 0; y0 < kernel; y0 += stride) {
            for (int x0 = 0; x0 < kernel; x0 += stride) {
                int length = Math.min(stride, kernel - x0) * channels;
                for (int oy = 0; oy < layer.outputHeight(); oy++) {
                    for (int ox = 0; ox < layer.outputWidth(); ox++) {
                        for (int ky = y0; ky < Math.min(y0 + stride, kernel); ky++) {
                            int source = (oy * layer.outputWidth() + ox) * patchRow + (ky * kernel + x0) * channels;
                            int target = (oy * stride + ky) * inputRow + (ox * stride + x0) * channels;
                            runs.add(new int[] {source, target, length});
                        }
                    }
                }
            }
        }
        return runs.toArray(int[][]::new);
    }

    /** A view of the array's native buffer in the machine's byte order (no copy). */
    private static ByteBuffer bytes(INDArray array) {
        return array.data().asNio().order(ByteOrder.nativeOrder());
    }
}
