package io.acktr.api.plugin;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.Collection;

/**
 * Reads and checks settings under one HOCON prefix. Every failure is a
 * {@link ConfigException.BadValue} whose message reads
 * {@code Invalid value at '<path>': <value>: <rule>}, so the user sees the full HOCON path, what
 * they wrote and what is allowed.
 *
 * <p>A settings record reads its keys with the typed getters ({@link #doubleValue},
 * {@link #intValue}, {@link #bool}, ...) in its {@code from(Config)} and checks the ranges in its
 * compact constructor with the static {@code require...} methods, which name the same paths, so a
 * record built in code is checked as one read from configuration.
 */
public final class SettingsReader {
    private final Config config;
    private final String prefix;

    public SettingsReader(Config config, String prefix) {
        this.config = config;
        this.prefix = prefix;
    }

    /** {@code value}, if it is a finite number > 0. */
    public static double requirePositive(String path, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw invalid(path, value, "must be > 0 and finite");
        }
        return value;
    }

    /** {@code value}, if it is a finite number >= 0. */
    public static double requireNonNegative(String path, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw invalid(path, value, "must be >= 0 and finite");
        }
        return value;
    }

    /** {@code value}, if it is in {@code [low, high]} (or {@code [low, high)} when {@code highExclusive}). */
    public static double requireIn(String path, double value, double low, double high, boolean highExclusive) {
        boolean ok = value >= low && (highExclusive ? value < high : value <= high) && Double.isFinite(value);
        if (!ok) {
            throw invalid(path, value, "must be in [" + low + ", " + high + (highExclusive ? ")" : "]"));
        }
        return value;
    }

    /** {@code value}, if it is at least {@code min}. */
    public static int requireAtLeast(String path, int value, int min) {
        if (value < min) {
            throw invalid(path, value, "must be >= " + min);
        }
        return value;
    }

    /** {@code value}, if it is at least {@code min}. */
    public static long requireAtLeast(String path, long value, long min) {
        if (value < min) {
            throw invalid(path, value, "must be >= " + min);
        }
        return value;
    }

    /** The error for {@code value} at {@code path} breaking {@code rule}. */
    public static ConfigException.BadValue invalid(String path, Object value, String rule) {
        return new ConfigException.BadValue(path, describe(value) + ": " + rule);
    }

    public String path(String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    public Config config() {
        return config;
    }

    public double positiveDouble(String key) {
        return requirePositive(path(key), doubleValue(key));
    }

    public double nonNegativeDouble(String key) {
        return requireNonNegative(path(key), doubleValue(key));
    }

    /** A number in {@code [low, high]} (or {@code [low, high)} when {@code highExclusive}). */
    public double doubleIn(String key, double low, double high, boolean highExclusive) {
        return requireIn(path(key), doubleValue(key), low, high, highExclusive);
    }

    public int positiveInt(String key) {
        return requireAtLeast(path(key), intValue(key), 1);
    }

    public int nonNegativeInt(String key) {
        return requireAtLeast(path(key), intValue(key), 0);
    }

    public long positiveLong(String key) {
        return requireAtLeast(path(key), longValue(key), 1L);
    }

    /** Any finite number (not NaN or an infinity); the range is the settings record's to check. */
    public double doubleValue(String key) {
        double value;
        try {
            value = config.getDouble(path(key));
        } catch (ConfigException.WrongType e) {
            throw bad(key, config.getValue(path(key)).unwrapped(), "must be a number");
        }
        if (!Double.isFinite(value)) {
            throw bad(key, value, "must be a finite number");
        }
        return value;
    }

    /**
     * Any whole number that fits an int (2.5 is refused, not truncated); the range is the settings
     * record's to check.
     */
    public int intValue(String key) {
        long value = longValue(key);
        if (value != (int) value) {
            throw bad(key, value, "must be a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
        }
        return (int) value;
    }

    /** Any whole number that fits a long (2.5 is refused, not truncated); the range is the settings record's to check. */
    public long longValue(String key) {
        Number number;
        try {
            number = config.getNumber(path(key));
        } catch (ConfigException.WrongType e) {
            throw bad(key, config.getValue(path(key)).unwrapped(), "must be a whole number");
        }
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (d != Math.rint(d) || Math.abs(d) >= 0x1p63) {
                throw bad(key, number, "must be a whole number");
            }
            return (long) d;
        }
        return number.longValue();
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
        return invalid(path(key), value, rule);
    }

    private static String describe(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
