package io.acktr.policies.layers;

import static java.util.Objects.requireNonNull;

import io.acktr.numerics.Vectors;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A chain of dense layers with their activations, the weights copied out of their tensors into
 * plain arrays: a forward pass of one row at a time on the JVM, in double precision (the
 * activations of float layers to float accuracy, {@link Activation#forwardInPlaceToFloatAccuracy}), for acting
 * with a small network, where a tensor pass costs far more in per-call overhead than in
 * arithmetic. A row's result does not depend on any other row. Immutable once copied: later
 * changes of the layers' weights do not reach it. May be empty (then it is the identity).
 *
 * <p>Each layer's weights are kept input-major, one array per input, {@code w[k][o] = W[o][k]},
 * with the bias as row {@code inputSize}: the product is a run of {@code y += w_k a_k} over whole
 * arrays, a loop the JIT compiles to vector instructions (it did not for one flat array indexed
 * {@code k * outputSize + o}).
 */
public final class PlainDenseStack {
    private final int[] inputSizes;
    private final int[] outputSizes;
    private final double[][][] weights;
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
            weights[i] = inputMajor(layer.weights(), dense.inputSize(), dense.outputSize());
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

    /** {@code W} ({@code outputSize x (inputSize + 1)}) as the rows of {@code W^T}, in double. */
    private static double[][] inputMajor(INDArray weights, int inputSize, int outputSize) {
        INDArray own = weights.ordering() == 'c' && Vectors.ownsItsBuffer(weights) ? weights : weights.dup('c');
        double[] rowMajor = own.data().asDouble(); // converted in Java from the buffer, no array operation
        int columns = inputSize + 1;
        double[][] transposed = new double[columns][outputSize];
        for (int o = 0; o < outputSize; o++) {
            for (int k = 0; k < columns; k++) {
                transposed[k][o] = rowMajor[o * columns + k];
            }
        }
        return transposed;
    }

    public int inputSize() {
        return inputSize;
    }

    /** Width of the output, or {@link #inputSize()} for an empty chain. */
    public int outputSize() {
        return outputSizes.length == 0 ? inputSize : outputSizes[outputSizes.length - 1];
    }

    /** The widest of the input and every layer's output: the length working arrays need. */
    public int maxWidth() {
        return maxWidth;
    }

    /**
     * Writes the chain's output for the row {@code input[offset .. offset + inputSize() - 1]} into
     * {@code output[0 .. outputSize() - 1]}.
     *
     * @param first working array, at least {@link #maxWidth()} long
     * @param second working array, at least {@link #maxWidth()} long, not {@code first}
     */
    public void forward(double[] input, int offset, double[] output, double[] first, double[] second) {
        int count = weights.length;
        if (count == 0) {
            System.arraycopy(input, offset, output, 0, inputSize);
            return;
        }
        double[] in = input;
        int inOffset = offset;
        for (int i = 0; i < count; i++) {
            double[] out = i == count - 1 ? output : (i % 2 == 0 ? first : second);
            dense(weights[i], inputSizes[i], outputSizes[i], in, inOffset, out);
            if (floatAccuracy[i]) {
                activations[i].forwardInPlaceToFloatAccuracy(out, outputSizes[i]);
            } else {
                activations[i].forwardInPlace(out, outputSizes[i]);
            }
            in = out;
            inOffset = 0;
        }
    }

    /**
     * {@code y = [x, 1] W^T} for one row, {@code w} input-major with the bias last. Four inputs at a
     * time: each pass over {@code y} loads and stores it once for four products, not once per
     * product (2.4x less time with the rational tanh than one input at a time with {@code Math.exp}).
     */
    private static void dense(double[][] w, int inputSize, int outputSize, double[] x, int offset, double[] y) {
        System.arraycopy(w[inputSize], 0, y, 0, outputSize);
        int k = 0;
        for (; k + 3 < inputSize; k += 4) {
            double a0 = x[offset + k];
            double a1 = x[offset + k + 1];
            double a2 = x[offset + k + 2];
            double a3 = x[offset + k + 3];
            double[] w0 = w[k];
            double[] w1 = w[k + 1];
            double[] w2 = w[k + 2];
            double[] w3 = w[k + 3];
            for (int o = 0; o < outputSize; o++) {
                y[o] += w0[o] * a0 + w1[o] * a1 + w2[o] * a2 + w3[o] * a3;
            }
        }
        for (; k < inputSize; k++) {
            double a = x[offset + k];
            double[] row = w[k];
            for (int o = 0; o < outputSize; o++) {
                y[o] += row[o] * a;
            }
        }
    }
}
