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

    public static final String INITIAL_LOG_STD = "initial-log-std";
    /** Lowest and highest {@code initial-log-std}: standard deviations from about 2e-9 to 7.4. */
    public static final double MIN_INITIAL_LOG_STD = -20.0;
    public static final double MAX_INITIAL_LOG_STD = 2.0;

    /** {@code initial-log-std}: a number, checked by {@link #requireInitialLogStd} in the settings' constructor. */
    public static double initialLogStd(SettingsReader reader) {
        return reader.doubleValue(INITIAL_LOG_STD);
    }

    /** {@code value}, if it is a number in [-20, 2]; {@code path} names the key. */
    public static double requireInitialLogStd(String path, double value) {
        if (!(value >= MIN_INITIAL_LOG_STD && value <= MAX_INITIAL_LOG_STD)) {
            throw SettingsReader.invalid(path, value, "must be a number in [" + MIN_INITIAL_LOG_STD + ", "
                    + MAX_INITIAL_LOG_STD + "] (the log of the Gaussian policy's starting standard deviation)");
        }
        return value;
    }

    /** {@code dtype}: float or double. */
    public static DataType dataType(SettingsReader reader) {
        return DataType.valueOf(reader.oneOf("dtype", DATA_TYPES).toUpperCase(Locale.ROOT));
    }
}
