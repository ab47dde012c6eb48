package io.acktr.policies.cnn;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.acktr.api.plugin.SettingsReader;
import io.acktr.api.env.Space;
import io.acktr.policies.layers.Activation;
import io.acktr.policies.layers.ArchitectureSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Settings under {@code acktr.policy.cnn}; defaults live in {@code reference.conf}.
 *
 * @param convLayers {@code conv-layers}: a non-empty list of {@code {filters, kernel, stride}}
 *     objects, each value a whole number >= 1 (square kernels, valid padding)
 * @param hiddenSizes {@code hidden-sizes}: widths of the dense layers after the convolutions, each >= 1
 * @param activation {@code activation}: tanh or relu, for convolutions and hidden layers
 * @param sharedTorso {@code shared-torso}: one torso for both heads, or two networks
 * @param dataType {@code dtype}: float or double
 * @param initialLogStd {@code initial-log-std}: a Gaussian head's starting {@code log_std}, in [-20, 2]
 */
public record CnnPolicySettings(List<ConvLayerSpec> convLayers, List<Integer> hiddenSizes, Activation activation,
                                boolean sharedTorso, DataType dataType, double initialLogStd) {
    public static final String PREFIX = "acktr.policy.cnn";

    /** Settings whose Gaussian head starts at {@code log_std = 0}. */
    public CnnPolicySettings(List<ConvLayerSpec> convLayers, List<Integer> hiddenSizes, Activation activation,
                             boolean sharedTorso, DataType dataType) {
        this(convLayers, hiddenSizes, activation, sharedTorso, dataType, 0.0);
    }
    static final String CONV_LAYERS = "conv-layers";
    static final List<String> LAYER_KEYS = List.of("filters", "kernel", "stride");
    private static final String CONV_LAYERS_RULE = "must be a non-empty list of {filters, kernel, stride} objects";

    /** Each {@link ConvLayerSpec} checks its own values; here the list must not be empty. */
    public CnnPolicySettings {
        convLayers = List.copyOf(requireNonNull(convLayers, "convLayers is null"));
        if (convLayers.isEmpty()) {
            throw SettingsReader.invalid(PREFIX + "." + CONV_LAYERS, convLayers, CONV_LAYERS_RULE);
        }
        hiddenSizes = ArchitectureSettings.requireHiddenSizes(PREFIX + "." + ArchitectureSettings.HIDDEN_SIZES,
                requireNonNull(hiddenSizes, "hiddenSizes is null"));
        requireNonNull(activation, "activation is null");
        requireNonNull(dataType, "dataType is null");
        ArchitectureSettings.requireInitialLogStd(PREFIX + "." + ArchitectureSettings.INITIAL_LOG_STD, initialLogStd);
    }

    public static CnnPolicySettings from(Config config) {
        requireNonNull(config, "config is null");
        SettingsReader reader = new SettingsReader(config, PREFIX);
        return new CnnPolicySettings(
                convLayers(reader),
                ArchitectureSettings.hiddenSizes(reader),
                ArchitectureSettings.activation(reader),
                reader.bool("shared-torso"),
                ArchitectureSettings.dataType(reader),
                ArchitectureSettings.initialLogStd(reader));
    }

    /** A new {@link CnnPolicy} with these settings. */
    public CnnPolicy create(Space observationSpace, Space actionSpace, long seed) {
        return new CnnPolicy(observationSpace, actionSpace, architecture(), seed);
    }

    public CnnArchitecture architecture() {
        return new CnnArchitecture(convLayers, hiddenSizes, activation, sharedTorso, dataType, initialLogStd);
    }

    private static List<ConvLayerSpec> convLayers(SettingsReader reader) {
        String rule = CONV_LAYERS_RULE;
        ConfigValue list = reader.config().getValue(reader.path(CONV_LAYERS));
        List<? extends Config> layers;
        try {
            layers = reader.config().getConfigList(reader.path(CONV_LAYERS));
        } catch (ConfigException.WrongType e) {
            throw reader.bad(CONV_LAYERS, list.unwrapped(), rule);
        }
        if (layers.isEmpty()) {
            throw reader.bad(CONV_LAYERS, list.unwrapped(), rule);
        }
        List<ConvLayerSpec> specs = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            specs.add(convLayer(reader, CONV_LAYERS + "[" + i + "]", layers.get(i)));
        }
        return specs;
    }

    /** One {@code {filters, kernel, stride}} object; errors name {@code acktr.policy.cnn.conv-layers[i]...}. */
    private static ConvLayerSpec convLayer(SettingsReader reader, String key, Config layer) {
        Set<String> unknown = new TreeSet<>(layer.root().keySet());
        LAYER_KEYS.forEach(unknown::remove);
        if (!unknown.isEmpty() || !layer.root().keySet().containsAll(LAYER_KEYS)) {
            throw reader.bad(key, layer.root().unwrapped(), "a layer has exactly the keys filters, kernel and stride");
        }
        return new ConvLayerSpec(
                positiveInt(reader, key, layer, "filters"),
                positiveInt(reader, key, layer, "kernel"),
                positiveInt(reader, key, layer, "stride"));
    }

    private static int positiveInt(SettingsReader reader, String layerKey, Config layer, String key) {
        ConfigValue value = layer.getValue(key);
        String rule = "must be a whole number >= 1";
        if (value.valueType() != ConfigValueType.NUMBER || !(value.unwrapped() instanceof Integer v) || v < 1) {
            throw reader.bad(layerKey + "." + key, value.unwrapped(), rule);
        }
        return v;
    }
}
