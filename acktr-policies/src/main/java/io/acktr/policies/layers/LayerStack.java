package io.acktr.policies.layers;

import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.LayerStatistics;
import io.acktr.numerics.ArrayPool;
import io.acktr.numerics.Elementwise;
import io.acktr.numerics.NativeConvolution;
import io.acktr.numerics.Vectors;
import io.acktr.api.policy.ParameterBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A chain of weight layers (dense or convolutional) with their live weights and activations; may
 * be empty (then it is the identity). Every sample is one flat row between layers, so a
 * convolution's {@code N x (H W C)} output feeds a dense layer as it is.
 */
public final class LayerStack {
    /** One layer of the chain. */
    public record Layer(WeightLayer shape, INDArray weights, Activation activation) {
        public Layer {
            requireNonNull(shape, "shape is null");
            requireNonNull(weights, "weights is null");
            requireNonNull(activation, "activation is null");
        }

        /** A layer with orthogonal weights scaled by {@code gain} and a zero bias, drawn from {@code random}. */
        public static Layer initialised(WeightLayer shape, Activation activation, double gain, DataType dataType,
                                        Random random) {
            return new Layer(shape, shape.orthogonalWeights(gain, random, dataType), activation);
        }
    }

    /**
     * What a forward pass through the chain keeps for the backward pass and forward mode. Each
     * layer's activation derivative {@code f'(x)} is computed once, when a backward pass or a tangent
     * first needs it, and shared by the later ones (an update makes several passes through one
     * forward pass, possibly on two threads at once).
     */
    public static final class Activations {
        private final INDArray input;
        private final List<Layer> layers;
        /** Each layer's input: the chain's, or the layer below's output. */
        private final List<INDArray> layerInputs;
        /** Whether each layer's forward pass ran through oneDNN (then its backward pass does too). */
        private final boolean[] throughOneDnn;
        /** Each layer's homogeneous input, pooled or not; a natively computed convolution's patches are made on first use. */
        private final ArrayPool.Lease[] inputLeases;
        /** The pooled outputs (of all layers but the last, which is the caller's to keep). */
        private final List<ArrayPool.Lease> outputLeases;
        private final List<INDArray> outputs;
        private final INDArray[] derivatives;
        private final ArrayPool pool;
        private final List<ArrayPool.Lease> derivativeLeases = new ArrayList<>();
        private boolean released;

        Activations(INDArray input, List<Layer> layers, List<INDArray> layerInputs, boolean[] throughOneDnn,
                    List<ArrayPool.Lease> inputLeases, List<ArrayPool.Lease> outputLeases, List<INDArray> outputs,
                    ArrayPool pool) {
            this.input = input;
            this.layers = layers;
            this.layerInputs = List.copyOf(layerInputs);
            this.throughOneDnn = throughOneDnn;
            this.inputLeases = inputLeases.toArray(ArrayPool.Lease[]::new);
            this.outputLeases = List.copyOf(outputLeases);
            this.outputs = List.copyOf(outputs);
            this.derivatives = new INDArray[outputs.size()];
            this.pool = pool;
        }

        /**
         * Gives the pooled arrays back to the stack (a layer input that statistics retained, once they
         * release it): nothing may read these activations afterwards but {@link #output()}. Later calls
         * do nothing.
         */
        public synchronized void release() {
            if (!released) {
                released = true;
                for (ArrayPool.Lease lease : inputLeases) {
                    if (lease != null) {
                        lease.release();
                    }
                }
                outputLeases.forEach(ArrayPool.Lease::release);
                derivativeLeases.forEach(ArrayPool.Lease::release);
            }
        }

        public INDArray input() {
            return input;
        }

        /** Every layer's homogeneous input (patches made now where the forward pass needed none). */
        public List<INDArray> homogeneousInputs() {
            List<INDArray> all = new ArrayList<>(inputLeases.length);
            for (int i = 0; i < inputLeases.length; i++) {
                all.add(inputLease(i).array());
            }
            return all;
        }

        /** Layer {@code i}'s homogeneous input, made on first use for a convolution computed by oneDNN. */
        synchronized ArrayPool.Lease inputLease(int i) {
            if (released) {
                throw new IllegalStateException("these activations were released");
            }
            if (inputLeases[i] == null) {
                inputLeases[i] = layers.get(i).shape().homogeneousInput(layerInputs.get(i), pool);
            }
            return inputLeases[i];
        }

        INDArray layerInput(int i) {
            return layerInputs.get(i);
        }

        boolean throughOneDnn(int i) {
            return throughOneDnn[i];
        }

        public List<INDArray> outputs() {
            return outputs;
        }

        public INDArray output() {
            return outputs.isEmpty() ? input : outputs.get(outputs.size() - 1);
        }

        /** {@code dL/dx = dL/dy * f'(x)} of layer {@code i}, or {@code dL/dy} itself for the identity. */
        INDArray backward(int i, Activation activation, INDArray outputGradient) {
            return backward(i, activation, outputGradient, false);
        }

        /**
         * The same, written over {@code outputGradient} when {@code overwrite} and it is a whole
         * buffer (a gradient the backward pass made itself and reads no more): a CNN's largest
         * gradients then need no new array.
         */
        INDArray backward(int i, Activation activation, INDArray outputGradient, boolean overwrite) {
            if (activation == Activation.IDENTITY) {
                return outputGradient;
            }
            INDArray derivative = derivative(i, activation);
            return Elementwise.multiply(outputGradient, derivative, overwrite && Vectors.ownsItsBuffer(outputGradient)
                    && outputGradient.ordering() == derivative.ordering());
        }

        /** Computed once; synchronised because a curvature estimator may run a Fisher pass on another thread. */
        private synchronized INDArray derivative(int i, Activation activation) {
            if (derivatives[i] == null) {
                INDArray output = outputs.get(i);
                ArrayPool.Lease lease = pool.take(output.dataType(), output.rows(), output.columns());
                derivativeLeases.add(lease);
                derivatives[i] = activation.derivativeInto(output, lease.array());
            }
            return derivatives[i];
        }
    }

    /** Per-layer statistics and gradients, and the gradient with respect to the chain's input. */
    public record Gradients(List<LayerStatistics> layers, Map<String, INDArray> weightGradients,
                            INDArray inputGradient) {
    }

    /**
     * Four of each shape: a hidden output, its activation derivative and the input gradient sent
     * down to that layer share one shape and are all held during the backward pass; a second
     * forward pass (the one that measures the step) adds its own output.
     */
    private static final int POOLED_PER_SHAPE = 4;

    private final List<Layer> layers;
    private final ArrayPool pool = new ArrayPool(POOLED_PER_SHAPE);
    /** oneDNN's primitives for each float convolution, where oneDNN loads; else {@code null}. */
    private final NativeConvolution[] natives;

    /**
     * A chain whose float convolutions go through oneDNN where it loads; a chain without one (an
     * MLP's) never loads oneDNN.
     */
    public LayerStack(List<Layer> layers) {
        this(layers, hasFloatConvolution(layers) && NativeConvolution.available());
    }

    private static boolean hasFloatConvolution(List<Layer> layers) {
        return layers.stream().anyMatch(l -> l.shape() instanceof ConvLayer && l.weights().dataType() == DataType.FLOAT);
    }

    /**
     * @param nativeConvolutions whether float convolutions go through oneDNN ({@link NativeConvolution},
     *     which must then load), else through patch products
     */
    public LayerStack(List<Layer> layers, boolean nativeConvolutions) {
        this.layers = List.copyOf(layers);
        this.natives = new NativeConvolution[this.layers.size()];
        for (int i = 0; i < this.layers.size(); i++) {
            Layer layer = this.layers.get(i);
            if (nativeConvolutions && layer.shape() instanceof ConvLayer c && layer.weights().dataType() == DataType.FLOAT) {
                natives[i] = new NativeConvolution(c.inputHeight(), c.inputWidth(), c.inputChannels(), c.filters(),
                        c.kernel(), c.stride());
            }
        }
        for (int i = 1; i < this.layers.size(); i++) {
            WeightLayer previous = this.layers.get(i - 1).shape();
            WeightLayer next = this.layers.get(i).shape();
            if (previous.outputSize() != next.inputSize()) {
                throw new IllegalArgumentException("layer " + next.name() + " takes " + next.inputSize()
                        + " inputs but layer " + previous.name() + " gives " + previous.outputSize());
            }
        }
    }

    /** Width of the output, or {@code inputSize} for an empty chain. */
    public int outputSize(int inputSize) {
        return layers.isEmpty() ? inputSize : layers.get(layers.size() - 1).shape().outputSize();
    }

    /** The chain's weights as they are now, copied into plain arrays; every layer must be dense. */
    public PlainDenseStack plainCopy(int inputSize) {
        return PlainDenseStack.copyOf(inputSize, layers);
    }

    public List<ParameterBlock> parameters() {
        return layers.stream().map(l -> new ParameterBlock(l.shape().name(), l.weights())).toList();
    }

    public Activations forward(INDArray input) {
        List<ArrayPool.Lease> inputLeases = new ArrayList<>(layers.size());
        List<ArrayPool.Lease> outputLeases = new ArrayList<>(layers.size());
        List<INDArray> outputs = new ArrayList<>(layers.size());
        List<INDArray> layerInputs = new ArrayList<>(layers.size());
        boolean[] throughOneDnn = new boolean[layers.size()];
        INDArray a = input;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            INDArray s;
            if (natives[i] != null && a.dataType() == DataType.FLOAT) {
                // oneDNN from the images themselves: patches only if a curvature estimator asks for them
                throughOneDnn[i] = true;
                a = ConvLayer.rowMajor(a);
                layerInputs.add(a);
                inputLeases.add(null);
                if (i < layers.size() - 1) {
                    ArrayPool.Lease output = pool.take(DataType.FLOAT, input.rows(), layer.shape().outputSize());
                    outputLeases.add(output);
                    s = output.array();
                } else {
                    s = Nd4j.createUninitialized(DataType.FLOAT, input.rows(), layer.shape().outputSize());
                }
                natives[i].forward(a, layer.weights(), s);
                a = layer.activation().forwardInPlace(s);
                outputs.add(a);
                continue;
            }
            layerInputs.add(a);
            ArrayPool.Lease abar = layer.shape().homogeneousInput(a, pool);
            inputLeases.add(abar);
            if (i < layers.size() - 1) { // the last output is the caller's to keep
                ArrayPool.Lease output = layer.shape().forward(layer.weights(), abar.array(), pool);
                outputLeases.add(output);
                INDArray out = output.array();
                // a dense layer's output has its shape already; a convolution's is one flat row per sample
                s = out.rank() == 2 && out.rows() == input.rows() && out.columns() == layer.shape().outputSize()
                        ? out : out.reshape('c', input.rows(), layer.shape().outputSize());
            } else {
                s = layer.shape().forward(layer.weights(), abar.array());
            }
            a = layer.activation().forwardInPlace(s);
            outputs.add(a);
        }
        return new Activations(input, layers, layerInputs, throughOneDnn, inputLeases, outputLeases, outputs, pool);
    }

    /**
     * @param outputGradient {@code dL/d output}, {@code N x outputSize}
     * @param needInputGradient whether to compute {@code dL/d input} (else it is {@code null})
     */
    public Gradients backward(Activations activations, INDArray outputGradient, boolean needInputGradient) {
        return backward(activations, outputGradient, needInputGradient, true);
    }

    /**
     * @param needWeightGradients whether to compute {@code dL/dW} (else the map is empty: a curvature
     *     estimator needs only the layer statistics, and this saves one product per layer)
     */
    public Gradients backward(Activations activations, INDArray outputGradient, boolean needInputGradient,
                              boolean needWeightGradients) {
        return backward(activations, outputGradient, needInputGradient, needWeightGradients, (layer, gradient) -> { });
    }

    /**
     * The same, handing each layer's {@code dL/dW} to {@code weightGradientReady} as soon as it is
     * computed, top layer first, while the pass goes on below it. The array is final: neither the
     * pass nor the caller changes it afterwards.
     */
    public Gradients backward(Activations activations, INDArray outputGradient, boolean needInputGradient,
                              boolean needWeightGradients, BiConsumer<String, INDArray> weightGradientReady) {
        return backward(activations, outputGradient, needInputGradient, needWeightGradients, true, weightGradientReady);
    }

    /**
     * @param needStatistics whether to make the layer statistics (else their list is empty, and a
     *     convolution computed by oneDNN needs no patches)
     */
    public Gradients backward(Activations activations, INDArray outputGradient, boolean needInputGradient,
                              boolean needWeightGradients, boolean needStatistics,
                              BiConsumer<String, INDArray> weightGradientReady) {
        int count = layers.size();
        LayerStatistics[] statistics = new LayerStatistics[count];
        INDArray[] weightGradients = new INDArray[count];
        INDArray upstream = outputGradient;
        // a native input gradient that no statistics hold is pooled, and given back once the layer below is done with it
        ArrayPool.Lease upstreamLease = null;
        for (int i = count - 1; i >= 0; i--) {
            Layer layer = layers.get(i);
            // above the top layer, the gradient is the caller's; below, the previous layer's input gradient
            INDArray g = activations.backward(i, layer.activation(), upstream, i < count - 1);
            boolean throughOneDnn = activations.throughOneDnn(i);
            if (throughOneDnn) {
                g = ConvLayer.rowMajor(g);
            }
            if (needStatistics) {
                statistics[i] = layer.shape().statistics(activations.inputLease(i), g);
            }
            if (needWeightGradients) {
                if (throughOneDnn) {
                    weightGradients[i] = Nd4j.createUninitialized(DataType.FLOAT, layer.shape().weightShape());
                    natives[i].weightGradient(activations.layerInput(i), g, weightGradients[i]);
                } else {
                    weightGradients[i] = layer.shape().weightGradient(activations.inputLease(i).array(), g);
                }
                weightGradientReady.accept(layer.shape().name(), weightGradients[i]);
            }
            ArrayPool.Lease below = null;
            if (i == 0 && !needInputGradient) {
                upstream = null;
            } else if (throughOneDnn) {
                if (i > 0 && !needStatistics) {
                    below = pool.take(DataType.FLOAT, g.rows(), layer.shape().inputSize());
                    upstream = below.array();
                } else {
                    upstream = Nd4j.createUninitialized(DataType.FLOAT, g.rows(), layer.shape().inputSize());
                }
                natives[i].inputGradient(layer.weights(), g, upstream);
            } else {
                upstream = layer.shape().inputGradient(layer.weights(), g, pool);
            }
            if (upstreamLease != null) {
                upstreamLease.release();
            }
            upstreamLease = below;
        }
        Map<String, INDArray> byName = new LinkedHashMap<>();
        for (int i = 0; i < (needWeightGradients ? count : 0); i++) {
            byName.put(layers.get(i).shape().name(), weightGradients[i]);
        }
        return new Gradients(needStatistics ? List.of(statistics) : List.of(), byName, upstream);
    }

    /**
     * Forward mode: the tangent of the chain's output along the weight tangents (one per layer
     * name; absent layers are zero), given the tangent of its input. {@code null} stands for zero in
     * both directions, so an untouched chain costs no work.
     */
    public INDArray tangent(Activations activations, INDArray inputTangent, Map<String, INDArray> weightTangents) {
        INDArray tangent = inputTangent;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            INDArray preActivation = layer.shape().preActivationTangent(layer.weights(),
                    activations.inputLease(i).array(), tangent, weightTangents.get(layer.shape().name()));
            tangent = preActivation == null
                    ? null
                    : activations.backward(i, layer.activation(), preActivation);
        }
        return tangent;
    }
}
