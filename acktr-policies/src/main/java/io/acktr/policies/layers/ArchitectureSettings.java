package io.acktr.policies.layers;

import com.typesafe.config.ConfigException;
import io.acktr.api.plugin.SettingsReader;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;

/** Reads the architecture keys that every policy kind shares: hidden sizes, activation and data type. */
public final class ArchitectureSettings {
    public static final List<String> ACTIVATIONS = List.of("tanh", "relu");
    public static final List<String> DATA_TYPES = List.of("float", "double");

    private ArchitectureSettings() {
    }

    public static final String HIDDEN_SIZES = "hidden-sizes";
    private static final String HIDDEN_SIZES_RULE = "must be a list of whole numbers >= 1";

    /** {@code hidden-sizes}: a list of whole numbers, checked by {@link #requireHiddenSizes}. */
    public static List<Integer> hiddenSizes(SettingsReader reader) {
        try {
            return reader.config().getIntList(reader.path(HIDDEN_SIZES));
        } catch (ConfigException.WrongType e) {
            throw reader.bad(HIDDEN_SIZES, reader.config().getValue(reader.path(HIDDEN_SIZES)).unwrapped(), HIDDEN_SIZES_RULE);
        }
    }

    /** An immutable copy of {@code sizes}, if each is >= 1 (the list may be empty); {@code path} names the key. */
    public static List<Integer> requireHiddenSizes(String path, List<Integer> sizes) {
        List<Integer> copy = List.copyOf(sizes);
        if (copy.stream().anyMatch(size -> size < 1)) {
            throw SettingsReader.invalid(path, copy, HIDDEN_SIZES_RULE);
        }
        return copy;
    }

    /** {@code activation}: tanh or relu. */
    public static Activation activation(SettingsReader reader) {
        return Activation.valueOf(reader.oneOf("activation", ACTIVATIONS).toUpperCase(Locale.ROOT));
    }

    /** {@code dtype}: float or double. */
    public static DataType dataType(SettingsReader reader) {
        return DataType.valueOf(reader.oneOf("dtype", DATA_TYPES).toUpperCase(Locale.ROOT));
    }
}
