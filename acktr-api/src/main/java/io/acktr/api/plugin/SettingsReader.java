package io.acktr.api.plugin;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.Collection;

/**
 * Reads and checks settings under one HOCON prefix. Every failure is a
 * {@link ConfigException.BadValue} whose message reads {@code <path> = <value>: <rule>}, so the
 * user sees the full HOCON path, what they wrote and what is allowed.
 */
public final class SettingsReader {
    private final Config config;
    private final String prefix;

    public SettingsReader(Config config, String prefix) {
        this.config = config;
        this.prefix = prefix;
    }

    public String path(String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    public Config config() {
        return config;
    }

    public double positiveDouble(String key) {
        double v = number(key);
        if (!(v > 0)) {
            throw bad(key, v, "must be > 0");
        }
        return v;
    }

    public double nonNegativeDouble(String key) {
        double v = number(key);
        if (!(v >= 0)) {
            throw bad(key, v, "must be >= 0");
        }
        return v;
    }

    /** A number in {@code [low, high]} (or {@code [low, high)} when {@code highExclusive}). */
    public double doubleIn(String key, double low, double high, boolean highExclusive) {
        double v = number(key);
        boolean ok = v >= low && (highExclusive ? v < high : v <= high);
        if (!ok) {
            throw bad(key, v, "must be in [" + low + ", " + high + (highExclusive ? ")" : "]"));
        }
        return v;
    }

    public int positiveInt(String key) {
        int v = integer(key);
        if (v < 1) {
            throw bad(key, v, "must be >= 1");
        }
        return v;
    }

    public int nonNegativeInt(String key) {
        int v = integer(key);
        if (v < 0) {
            throw bad(key, v, "must be >= 0");
        }
        return v;
    }

    public long positiveLong(String key) {
        long v;
        try {
            v = config.getLong(path(key));
        } catch (ConfigException.WrongType e) {
            throw bad(key, config.getValue(path(key)).unwrapped(), "must be a whole number");
        }
        if (v < 1) {
            throw bad(key, v, "must be >= 1");
        }
        return v;
    }

    public boolean bool(String key) {
        try {
            return config.getBoolean(path(key));
        } catch (ConfigException.WrongType e) {
            throw bad(key, config.getValue(path(key)).unwrapped(), "must be true or false");
        }
    }

    public String string(String key) {
        return config.getString(path(key));
    }

    /** A string that must be one of {@code allowed}. */
    public String oneOf(String key, Collection<String> allowed) {
        String v = string(key);
        if (!allowed.contains(v)) {
            throw bad(key, v, "must be one of " + String.join(", ", allowed));
        }
        return v;
    }

    public ConfigException.BadValue bad(String key, Object value, String rule) {
        return new ConfigException.BadValue(path(key), describe(value) + ": " + rule);
    }

    private static String describe(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private double number(String key) {
        try {
            return config.getDouble(path(key));
        } catch (ConfigException.WrongType e) {
            throw bad(key, config.getValue(path(key)).unwrapped(), "must be a number");
        }
    }

    private int integer(String key) {
        try {
            return config.getInt(path(key));
        } catch (ConfigException.WrongType e) {
            throw bad(key, config.getValue(path(key)).unwrapped(), "must be a whole number");
        }
    }
}
