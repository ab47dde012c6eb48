package io.acktr.policies.mlp;

import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.DenseLayerStatistics;
import io.acktr.api.policy.ParameterBlock;
import io.acktr.policies.layers.Activation;
import io.acktr.policies.layers.DenseLayer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A chain of dense layers with their live weights; may be empty (then it is the identity). */
final class DenseStack {
    /** One layer of the chain. */
    record Layer(DenseLayer shape, INDArray weights, Activation activation) {
        Layer {
            requireNonNull(shape, "shape is null");
            requireNonNull(weights, "weights is null");
            requireNonNull(activation, "activation is null");
        }
    }

    /** What a forward pass through the chain keeps for the backward pass. */
    record Activations(INDArray input, List<INDArray> homogeneousInputs, List<INDArray> outputs) {
        INDArray output() {
            return outputs.isEmpty() ? input : outputs.get(outputs.size() - 1);
        }
    }

    /** Per-layer statistics and gradients, and the gradient with respect to the chain's input. */
    record Gradients(List<DenseLayerStatistics> layers, Map<String, INDArray> weightGradients, INDArray inputGradient) {
    }

    private final List<Layer> layers;

    DenseStack(List<Layer> layers) {
        this.layers = List.copyOf(layers);
    }

    List<ParameterBlock> parameters() {
        return layers.stream().map(l -> new ParameterBlock(l.shape().name(), l.weights())).toList();
    }

    Activations forward(INDArray input) {
        List<INDArray> homogeneousInputs = new ArrayList<>(layers.size());
        List<INDArray> outputs = new ArrayList<>(layers.size());
        INDArray a = input;
        for (Layer layer : layers) {
            INDArray abar = layer.shape().homogeneousInput(a);
            a = layer.activation().forward(layer.shape().forward(layer.weights(), abar));
            homogeneousInputs.add(abar);
            outputs.add(a);
        }
        return new Activations(input, List.copyOf(homogeneousInputs), List.copyOf(outputs));
    }

    /**
     * Forward mode: the tangent of the chain's output along the weight tangents (one per layer
     * name; absent layers are zero), given the tangent of its input. {@code null} stands for zero in
     * both directions, so an untouched chain costs no work.
     */
    INDArray tangent(Activations activations, INDArray inputTangent, Map<String, INDArray> weightTangents) {
        INDArray tangent = inputTangent;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            INDArray preActivation = layer.shape().preActivationTangent(layer.weights(),
                    activations.homogeneousInputs().get(i), tangent, weightTangents.get(layer.shape().name()));
            tangent = preActivation == null ? null : layer.activation().tangent(activations.outputs().get(i), preActivation);
        }
        return tangent;
    }

    /**
     * @param outputGradient {@code dL/d output}, {@code N x outputSize}
     * @param needInputGradient whether to compute {@code dL/d input} (else it is {@code null})
     */
    Gradients backward(Activations activations, INDArray outputGradient, boolean needInputGradient) {
        int count = layers.size();
        DenseLayerStatistics[] statistics = new DenseLayerStatistics[count];
        Map<String, INDArray> weightGradients = new LinkedHashMap<>();
        INDArray upstream = outputGradient;
        for (int i = count - 1; i >= 0; i--) {
            Layer layer = layers.get(i);
            INDArray abar = activations.homogeneousInputs().get(i);
            INDArray g = layer.activation().backward(activations.outputs().get(i), upstream);
            statistics[i] = new DenseLayerStatistics(layer.shape().name(), abar, g);
            upstream = i > 0 || needInputGradient ? layer.shape().inputGradient(layer.weights(), g) : null;
        }
        for (int i = 0; i < count; i++) {
            DenseLayerStatistics s = statistics[i];
            weightGradients.put(s.parameterName(),
                    layers.get(i).shape().weightGradient(s.activations(), s.preActivationGradients()));
        }
        return new Gradients(List.of(statistics), weightGradients, upstream);
    }
}
