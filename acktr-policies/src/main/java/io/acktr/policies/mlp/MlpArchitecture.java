package io.acktr.policies.mlp;

import static java.util.Objects.requireNonNull;

import io.acktr.policies.layers.Activation;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The shape of an actor-critic MLP.
 *
 * @param hiddenSizes widths of the hidden layers (each network, or the shared torso)
 * @param activation activation of every hidden layer (output layers are linear)
 * @param sharedTorso one torso with a policy and a value head, or two separate networks
 * @param dataType {@link DataType#FLOAT} or {@link DataType#DOUBLE}, for parameters and activations
 * @param initialLogStd starting value of every entry of a Gaussian head's {@code log_std} (unused for discrete actions)
 */
public record MlpArchitecture(List<Integer> hiddenSizes, Activation activation, boolean sharedTorso,
                              DataType dataType, double initialLogStd) {
    /** An architecture whose Gaussian head starts at standard deviation 1 ({@code log_std = 0}). */
    public MlpArchitecture(List<Integer> hiddenSizes, Activation activation, boolean sharedTorso, DataType dataType) {
        this(hiddenSizes, activation, sharedTorso, dataType, 0.0);
    }

    public MlpArchitecture {
        requireNonNull(hiddenSizes, "hiddenSizes is null");
        requireNonNull(activation, "activation is null");
        requireNonNull(dataType, "dataType is null");
        hiddenSizes = List.copyOf(hiddenSizes);
        for (int size : hiddenSizes) {
            if (size < 1) {
                throw new IllegalArgumentException("hidden sizes must be >= 1, got " + hiddenSizes);
            }
        }
        if (activation == Activation.IDENTITY) {
            throw new IllegalArgumentException("hidden activation must be non-linear, got " + activation);
        }
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("dataType must be FLOAT or DOUBLE, got " + dataType);
        }
        if (!Double.isFinite(initialLogStd)) {
            throw new IllegalArgumentException("initialLogStd must be finite, got " + initialLogStd);
        }
    }
}
