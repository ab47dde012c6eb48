package io.acktr.policies.guice;

import com.typesafe.config.ConfigException;
import io.acktr.api.plugin.SettingsReader;
import io.acktr.policies.layers.Activation;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;

/** Reads the architecture keys that every policy kind shares: hidden sizes, activation and data type. */
final class ArchitectureSettings {
    static final List<String> ACTIVATIONS = List.of("tanh", "relu");
    static final List<String> DATA_TYPES = List.of("float", "double");

    private ArchitectureSettings() {
    }

    /** {@code hidden-sizes}: a list of whole numbers >= 1, possibly empty. */
    static List<Integer> hiddenSizes(SettingsReader reader) {
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

    /** {@code activation}: tanh or relu. */
    static Activation activation(SettingsReader reader) {
        return Activation.valueOf(reader.oneOf("activation", ACTIVATIONS).toUpperCase(Locale.ROOT));
    }

    /** {@code dtype}: float or double. */
    static DataType dataType(SettingsReader reader) {
        return DataType.valueOf(reader.oneOf("dtype", DATA_TYPES).toUpperCase(Locale.ROOT));
    }
}
