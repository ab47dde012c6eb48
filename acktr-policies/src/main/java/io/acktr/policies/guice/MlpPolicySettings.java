package io.acktr.policies.guice;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.acktr.api.plugin.SettingsReader;
import io.acktr.policies.layers.Activation;
import io.acktr.policies.mlp.MlpArchitecture;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Settings under {@code acktr.policy.mlp}; defaults live in {@code reference.conf}.
 *
 * @param hiddenSizes {@code hidden-sizes}: widths of the hidden layers, each >= 1
 * @param activation {@code activation}: tanh or relu
 * @param sharedTorso {@code shared-torso}: one torso for both heads, or two networks
 * @param dataType {@code dtype}: float or double
 */
public record MlpPolicySettings(List<Integer> hiddenSizes, Activation activation, boolean sharedTorso,
                                DataType dataType) {
    public static final String PREFIX = "acktr.policy.mlp";
    static final List<String> ACTIVATIONS = List.of("tanh", "relu");
    static final List<String> DATA_TYPES = List.of("float", "double");

    public MlpPolicySettings {
        requireNonNull(hiddenSizes, "hiddenSizes is null");
        requireNonNull(activation, "activation is null");
        requireNonNull(dataType, "dataType is null");
        hiddenSizes = List.copyOf(hiddenSizes);
    }

    public static MlpPolicySettings from(Config config) {
        requireNonNull(config, "config is null");
        SettingsReader reader = new SettingsReader(config, PREFIX);
        return new MlpPolicySettings(
                hiddenSizes(reader),
                Activation.valueOf(reader.oneOf("activation", ACTIVATIONS).toUpperCase(Locale.ROOT)),
                reader.bool("shared-torso"),
                DataType.valueOf(reader.oneOf("dtype", DATA_TYPES).toUpperCase(Locale.ROOT)));
    }

    public MlpArchitecture architecture() {
        return new MlpArchitecture(hiddenSizes, activation, sharedTorso, dataType);
    }

    private static List<Integer> hiddenSizes(SettingsReader reader) {
        String key = "hidden-sizes";
        String rule = "must be a list of whole numbers >= 1";
        List<Integer> sizes;
        try {
            sizes = reader.config().getIntList(reader.path(key));
        } catch (ConfigException.WrongType e) {
            throw reader.bad(key, reader.config().getValue(reader.path(key)).unwrapped(), rule);
        }
        if (sizes.stream().anyMatch(size -> size < 1)) {
            throw reader.bad(key, sizes, rule);
        }
        return sizes;
    }
}
