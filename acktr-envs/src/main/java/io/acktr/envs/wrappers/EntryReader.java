package io.acktr.envs.wrappers;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;

/**
 * Reads the keys of one wrapper entry, as {@link io.acktr.api.plugin.SettingsReader} reads a
 * settings block, but naming a path HOCON cannot look up, such as
 * {@code acktr.env.wrappers[2].frames}. Every failure is a {@link ConfigException.BadValue}
 * reading {@code <path> = <value>: <rule>}.
 */
final class EntryReader {
    private final Config entry;
    private final String path;

    /**
     * @param entry the entry's keys, with its type's defaults as fallback
     * @param path  where the entry is, for messages
     */
    EntryReader(Config entry, String path) {
        this.entry = entry;
        this.path = path;
    }

    String path() {
        return path;
    }

    String path(String key) {
        return path + "." + key;
    }

    double positiveDouble(String key) {
        double v = number(key);
        if (!(v > 0) || Double.isInfinite(v)) {
            throw bad(key, v, "must be > 0");
        }
        return v;
    }

    double finiteDouble(String key) {
        double v = number(key);
        if (!Double.isFinite(v)) {
            throw bad(key, v, "must be a finite number");
        }
        return v;
    }

    /** A number in {@code [low, high]}. */
    double doubleIn(String key, double low, double high) {
        double v = number(key);
        if (!(v >= low && v <= high)) {
            throw bad(key, v, "must be in [" + low + ", " + high + "]");
        }
        return v;
    }

    int positiveInt(String key) {
        double v = number(key);
        if (v != Math.rint(v) || Double.isInfinite(v) || v > Integer.MAX_VALUE) {
            throw bad(key, entry.getValue(key).unwrapped(), "must be a whole number");
        }
        if (v < 1) {
            throw bad(key, (long) v, "must be >= 1");
        }
        return (int) v;
    }

    ConfigException.BadValue bad(String key, Object value, String rule) {
        return new ConfigException.BadValue(path(key), describe(value) + ": " + rule);
    }

    static String describe(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private double number(String key) {
        try {
            return entry.getDouble(key);
        } catch (ConfigException.WrongType e) {
            throw bad(key, entry.getValue(key).unwrapped(), "must be a number");
        }
    }
}
