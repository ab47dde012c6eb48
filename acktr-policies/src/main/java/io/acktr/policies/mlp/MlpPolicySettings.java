package io.acktr.policies.mlp;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import io.acktr.api.env.Space;
import io.acktr.api.plugin.SettingsReader;
import io.acktr.policies.layers.Activation;
import io.acktr.policies.layers.ArchitectureSettings;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Settings under {@code acktr.policy.mlp}; defaults live in {@code reference.conf}.
 *
 * @param hiddenSizes {@code hidden-sizes}: widths of the hidden layers, each >= 1
 * @param activation {@code activation}: tanh or relu
 * @param sharedTorso {@code shared-torso}: one torso for both heads, or two networks
 * @param dataType {@code dtype}: float or double
 * @param initialLogStd {@code initial-log-std}: a Gaussian head's starting {@code log_std}, in [-20, 2]
 */
public record MlpPolicySettings(List<Integer> hiddenSizes, Activation activation, boolean sharedTorso,
                                DataType dataType, double initialLogStd) {
    public static final String PREFIX = "acktr.policy.mlp";

    /** Settings whose Gaussian head starts at {@code log_std = 0}. */
    public MlpPolicySettings(List<Integer> hiddenSizes, Activation activation, boolean sharedTorso, DataType dataType) {
        this(hiddenSizes, activation, sharedTorso, dataType, 0.0);
    }

    public MlpPolicySettings {
        hiddenSizes = ArchitectureSettings.requireHiddenSizes(PREFIX + "." + ArchitectureSettings.HIDDEN_SIZES,
                requireNonNull(hiddenSizes, "hiddenSizes is null"));
        requireNonNull(activation, "activation is null");
        requireNonNull(dataType, "dataType is null");
        ArchitectureSettings.requireInitialLogStd(PREFIX + "." + ArchitectureSettings.INITIAL_LOG_STD, initialLogStd);
    }

    public static MlpPolicySettings from(Config config) {
        requireNonNull(config, "config is null");
        SettingsReader reader = new SettingsReader(config, PREFIX);
        return new MlpPolicySettings(
                ArchitectureSettings.hiddenSizes(reader),
                ArchitectureSettings.activation(reader),
                reader.bool("shared-torso"),
                ArchitectureSettings.dataType(reader),
                ArchitectureSettings.initialLogStd(reader));
    }

    /** A new {@link MlpPolicy} with these settings. */
    public MlpPolicy create(Space observationSpace, Space actionSpace, long seed) {
        return new MlpPolicy(observationSpace, actionSpace, architecture(), seed);
    }

    public MlpArchitecture architecture() {
        return new MlpArchitecture(hiddenSizes, activation, sharedTorso, dataType, initialLogStd);
    }
}
