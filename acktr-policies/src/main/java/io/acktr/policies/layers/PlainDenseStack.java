package io.acktr.policies.layers;

import static io.acktr.numerics.MultiplyAdd.fma;
import static io.acktr.numerics.MultiplyAdd.fourProducts;
import static java.util.Objects.requireNonNull;

import io.acktr.numerics.MultiplyAdd;
import io.acktr.numerics.Vectors;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A chain of dense layers with their activations, the weights copied out of their tensors into
 * plain arrays: a forward pass of one row, or of two rows together, at a time on the JVM, in double
 * precision (the activations of float layers to float accuracy,
 * {@link Activation#forwardInPlaceToFloatAccuracy}), for acting with a small network, where a
 * tensor pass costs far more in per-call overhead than in arithmetic. A row's result does not depend
 * on any other row, nor on whether it went through alone or with another: bit for bit the same.
 * Immutable once copied: later changes of the layers' weights do not reach it. May be empty (then it
 * is the identity).
 *
 * <p>A layer with more than {@value #NARROW} outputs keeps its weights input-major, one array per
 * input, {@code w[k][o] = W[o][k]}, and its bias apart: the product is a run of
 * {@code y += w_k a_k} over whole arrays, a loop the JIT compiles to vector instructions (it did not
 * for one flat array indexed {@code k * outputSize + o}). Two rows share each pass over the weights,
 * which halves the loads per product (a 64 x 64 layer, 16 rows: 5.7 us against 9.2 us one row at a
 * time). A layer with at most {@value #NARROW} outputs (a policy's or a value's head) keeps them
 * output-major and takes one dot product per output, where a pass over its outputs would be a loop
 * of one or two.
 */
public final class PlainDenseStack {
    /** Layers with at most this many outputs take dot products, one per output. */
    static final int NARROW = 4;

    private final int[] inputSizes;
    private final int[] outputSizes;
    /**
     * A wide layer's: input-major, padded with rows of zeros to a multiple of four inputs. A narrow
     * layer's: output-major with the bias last.
     */
    private final double[][][] weights;
    /** A wide layer's bias; null for a narrow one. */
    private final double[][] biases;
    private final boolean[] narrow;
    private final Activation[] activations;
    /** The layer's weights are float: its activation needs float accuracy only. */
    private final boolean[] floatAccuracy;
    private final int inputSize;
    private final int maxWidth;

    private PlainDenseStack(int inputSize, List<LayerStack.Layer> layers) {
        int count = layers.size();
        this.inputSize = inputSize;
        this.inputSizes = new int[count];
        this.outputSizes = new int[count];
        this.weights = new double[count][][];
        this.narrow = new boolean[count];
        this.biases = new double[count][];
        this.activations = new Activation[count];
        this.floatAccuracy = new boolean[count];
        int width = inputSize;
        int widest = inputSize;
        for (int i = 0; i < count; i++) {
            LayerStack.Layer layer = layers.get(i);
            if (!(layer.shape() instanceof DenseLayer dense)) {
                throw new IllegalArgumentException("layer " + layer.shape().name() + " is not dense: only dense layers"
                        + " can be copied into plain arrays");
            }
            if (dense.inputSize() != width) {
                throw new IllegalArgumentException("layer " + dense.name() + " takes " + dense.inputSize()
                        + " inputs, but the chain gives it " + width);
            }
            inputSizes[i] = dense.inputSize();
            outputSizes[i] = dense.outputSize();
            narrow[i] = dense.outputSize() <= NARROW;
            double[] rowMajor = rowMajor(layer.weights());
            if (narrow[i]) {
                weights[i] = outputMajor(rowMajor, dense.inputSize(), dense.outputSize());
            } else {
                weights[i] = inputMajor(rowMajor, dense.inputSize(), dense.outputSize());
                biases[i] = column(rowMajor, dense.inputSize(), dense.inputSize(), dense.outputSize());
            }
            activations[i] = layer.activation();
            floatAccuracy[i] = layer.weights().dataType() == DataType.FLOAT;
            width = dense.outputSize();
            widest = Math.max(widest, width);
        }
        this.maxWidth = widest;
    }

    /** Copies the weights of {@code layers}, all dense, taking {@code inputSize} inputs. */
    public static PlainDenseStack copyOf(int inputSize, List<LayerStack.Layer> layers) {
        requireNonNull(layers, "layers is null");
        if (inputSize < 1) {
            throw new IllegalArgumentException("inputSize must be >= 1, got " + inputSize);
        }
        return new PlainDenseStack(inputSize, List.copyOf(layers));
    }

    /** {@code W} ({@code outputSize x (inputSize + 1)}) row-major, in double. */
    private static double[] rowMajor(INDArray weights) {
        return Vectors.toDoubles(weights);
    }

    /** The rows of {@code W^T} without the bias, one array per input, and rows of zeros up to a multiple of four. */
    private static double[][] inputMajor(double[] rowMajor, int inputSize, int outputSize) {
        double[][] transposed = new double[(inputSize + 3) / 4 * 4][];
        for (int k = 0; k < transposed.length; k++) {
            transposed[k] = k < inputSize ? column(rowMajor, k, inputSize, outputSize) : new double[outputSize];
        }
        return transposed;
    }

    /** Column {@code k} of {@code W}: the weights of input {@code k}, or the bias for {@code k = inputSize}. */
    private static double[] column(double[] rowMajor, int k, int inputSize, int outputSize) {
        double[] column = new double[outputSize];
        for (int o = 0; o < outputSize; o++) {
            column[o] = rowMajor[o * (inputSize + 1) + k];
        }
        return column;
    }

    /** The rows of {@code W}: one array per output, the bias last. */
    private static double[][] outputMajor(double[] rowMajor, int inputSize, int outputSize) {
        int columns = inputSize + 1;
        double[][] rows = new double[outputSize][];
        for (int o = 0; o < outputSize; o++) {
            rows[o] = Arrays.copyOfRange(rowMajor, o * columns, (o + 1) * columns);
        }
        return rows;
    }

    public int inputSize() {
        return inputSize;
    }

    /** Width of the output, or {@link #inputSize()} for an empty chain. */
    public int outputSize() {
        return outputSizes.length == 0 ? inputSize : outputSizes[outputSizes.length - 1];
    }

    /** The widest of the input and every layer's output: the width a {@link Workspace} needs. */
    public int maxWidth() {
        return maxWidth;
    }

    /**
     * Writes the chain's output for the row {@code input[offset .. offset + inputSize() - 1]} into
     * {@code output[0 .. outputSize() - 1]}.
     */
    public void forward(double[] input, int offset, double[] output, Workspace workspace) {
        int count = weights.length;
        checkWidth(workspace);
        if (count == 0) {
            System.arraycopy(input, offset, output, 0, inputSize);
            return;
        }
        double[] in = input;
        int inOffset = offset;
        for (int i = 0; i < count; i++) {
            double[] out = i == count - 1 ? output : (i % 2 == 0 ? workspace.firstA : workspace.secondA);
            if (narrow[i]) {
                dots(weights[i], inputSizes[i], outputSizes[i], in, inOffset, out);
            } else {
                dense(weights[i], biases[i], inputSizes[i], outputSizes[i], in, inOffset, out);
            }
            activate(i, out);
            in = out;
            inOffset = 0;
        }
    }

    /**
     * {@link #forward} of two rows together, {@code inputA[offsetA ..]} into {@code outputA} and
     * {@code inputB[offsetB ..]} into {@code outputB}: each wide layer's weights are read once for
     * both where products are fused ({@link MultiplyAdd#FUSED}), else one row after the other. Each
     * output is the one {@link #forward} gives its row alone, bit for bit.
     */
    public void forwardTwo(double[] inputA, int offsetA, double[] inputB, int offsetB, double[] outputA,
                           double[] outputB, Workspace workspace) {
        if (!MultiplyAdd.FUSED) {
            // C2 leaves the two-row loop scalar when its products and sums are separate operations
            // (2.7x the time of two one-row passes): one row after the other.
            forward(inputA, offsetA, outputA, workspace);
            forward(inputB, offsetB, outputB, workspace);
            return;
        }
        int count = weights.length;
        checkWidth(workspace);
        if (count == 0) {
            System.arraycopy(inputA, offsetA, outputA, 0, inputSize);
            System.arraycopy(inputB, offsetB, outputB, 0, inputSize);
            return;
        }
        double[] inA = inputA;
        double[] inB = inputB;
        int inOffsetA = offsetA;
        int inOffsetB = offsetB;
        for (int i = 0; i < count; i++) {
            boolean last = i == count - 1;
            double[] outA = last ? outputA : (i % 2 == 0 ? workspace.firstA : workspace.secondA);
            double[] outB = last ? outputB : (i % 2 == 0 ? workspace.firstB : workspace.secondB);
            if (narrow[i]) {
                dots(weights[i], inputSizes[i], outputSizes[i], inA, inOffsetA, outA);
                dots(weights[i], inputSizes[i], outputSizes[i], inB, inOffsetB, outB);
            } else {
                denseTwo(weights[i], biases[i], inputSizes[i], outputSizes[i], inA, inOffsetA, outA, inB, inOffsetB, outB);
            }
            activate(i, outA);
            activate(i, outB);
            inA = outA;
            inB = outB;
            inOffsetA = 0;
            inOffsetB = 0;
        }
    }

    private void activate(int layer, double[] values) {
        if (floatAccuracy[layer]) {
            activations[layer].forwardInPlaceToFloatAccuracy(values, outputSizes[layer]);
        } else {
            activations[layer].forwardInPlace(values, outputSizes[layer]);
        }
    }

    private void checkWidth(Workspace workspace) {
        if (workspace.width() < maxWidth) {
            throw new IllegalArgumentException("the workspace is " + workspace.width() + " wide, this chain needs "
                    + maxWidth);
        }
    }

    /**
     * {@code y = [x, 1] W^T} for one row, {@code w} input-major and padded. Four inputs at a time, in
     * fused multiply-adds ({@link MultiplyAdd}): each pass over {@code y} loads and stores it once for four products, not
     * once per product. The padding's inputs are zeros, so there is no loop for a remainder: with one,
     * C2 left {@link #denseTwo}'s main loop scalar (2.7x the time). {@link #denseTwo} does each row's
     * operations in this order.
     */
    private static void dense(double[][] w, double[] bias, int inputSize, int outputSize, double[] x, int offset,
                              double[] y) {
        System.arraycopy(bias, 0, y, 0, outputSize);
        for (int k = 0; k < w.length; k += 4) {
            double a0 = x[offset + k];
            double a1 = k + 1 < inputSize ? x[offset + k + 1] : 0.0;
            double a2 = k + 2 < inputSize ? x[offset + k + 2] : 0.0;
            double a3 = k + 3 < inputSize ? x[offset + k + 3] : 0.0;
            double[] w0 = w[k];
            double[] w1 = w[k + 1];
            double[] w2 = w[k + 2];
            double[] w3 = w[k + 3];
            for (int o = 0; o < outputSize; o++) {
                y[o] = fourProducts(y[o], w0[o], a0, w1[o], a1, w2[o], a2, w3[o], a3);
            }
        }
    }

    /** {@link #dense} of two rows in one pass over the weights: rows {@code x} into {@code y}, {@code u} into {@code v}. */
    private static void denseTwo(double[][] w, double[] bias, int inputSize, int outputSize, double[] x, int offsetX,
                                 double[] y, double[] u, int offsetU, double[] v) {
        System.arraycopy(bias, 0, y, 0, outputSize);
        System.arraycopy(bias, 0, v, 0, outputSize);
        for (int k = 0; k < w.length; k += 4) {
            double a0 = x[offsetX + k];
            double a1 = k + 1 < inputSize ? x[offsetX + k + 1] : 0.0;
            double a2 = k + 2 < inputSize ? x[offsetX + k + 2] : 0.0;
            double a3 = k + 3 < inputSize ? x[offsetX + k + 3] : 0.0;
            double b0 = u[offsetU + k];
            double b1 = k + 1 < inputSize ? u[offsetU + k + 1] : 0.0;
            double b2 = k + 2 < inputSize ? u[offsetU + k + 2] : 0.0;
            double b3 = k + 3 < inputSize ? u[offsetU + k + 3] : 0.0;
            double[] w0 = w[k];
            double[] w1 = w[k + 1];
            double[] w2 = w[k + 2];
            double[] w3 = w[k + 3];
            for (int o = 0; o < outputSize; o++) {
                double c0 = w0[o];
                double c1 = w1[o];
                double c2 = w2[o];
                double c3 = w3[o];
                y[o] = fourProducts(y[o], c0, a0, c1, a1, c2, a2, c3, a3);
                v[o] = fourProducts(v[o], c0, b0, c1, b1, c2, b2, c3, b3);
            }
        }
    }

    /**
     * {@code y = [x, 1] W^T} for one row of a narrow layer, {@code w} output-major with the bias
     * last: per output, four running sums over every fourth input, in fused multiply-adds.
     */
    private static void dots(double[][] w, int inputSize, int outputSize, double[] x, int offset, double[] y) {
        for (int o = 0; o < outputSize; o++) {
            double[] row = w[o];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int k = 0;
            for (; k + 3 < inputSize; k += 4) {
                s0 = fma(row[k], x[offset + k], s0);
                s1 = fma(row[k + 1], x[offset + k + 1], s1);
                s2 = fma(row[k + 2], x[offset + k + 2], s2);
                s3 = fma(row[k + 3], x[offset + k + 3], s3);
            }
            for (; k < inputSize; k++) {
                s0 = fma(row[k], x[offset + k], s0);
            }
            y[o] = ((s0 + s1) + (s2 + s3)) + row[inputSize];
        }
    }

    /** Working arrays for the passes of one caller, not to be shared between threads: two rows' worth of two layers' outputs. */
    public static final class Workspace {
        private final double[] firstA;
        private final double[] secondA;
        private final double[] firstB;
        private final double[] secondB;

        /** For chains at most {@code width} wide ({@link #maxWidth()}). */
        public Workspace(int width) {
            if (width < 1) {
                throw new IllegalArgumentException("width must be >= 1, got " + width);
            }
            this.firstA = new double[width];
            this.secondA = new double[width];
            this.firstB = new double[width];
            this.secondB = new double[width];
        }

        public int width() {
            return firstA.length;
        }
    }
}
