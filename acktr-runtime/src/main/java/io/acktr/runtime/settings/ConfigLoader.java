package io.acktr.runtime.settings;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Builds the configuration of a run: {@code --set} overrides over the user's file (or, without
 * one, the embedded default run {@value #DEFAULT_RUN}: ACKTR tuned for CartPole-v1) over every
 * module's {@code reference.conf}. Checks the result against the references: a key of the
 * wrong type, or a key under {@code acktr} that no module defines (a typo), fails here with its
 * HOCON path, before anything starts.
 */
public final class ConfigLoader {
    /** Class-path resource of the run {@code acktr train} does without {@code --config}. */
    public static final String DEFAULT_RUN = "io/acktr/runtime/default-run.conf";

    private ConfigLoader() {
    }

    public static Config load(ClassLoader classLoader, Optional<Path> userFile, List<String> overrides) {
        Config user = userFile.map(ConfigLoader::parseFile).orElseGet(() -> defaultRun(classLoader));
        return load(classLoader, user, overrides);
    }

    /** As {@link #load(ClassLoader, Optional, List)} with the user's layer already parsed (e.g. from a suite). */
    public static Config load(ClassLoader classLoader, Config user, List<String> overrides) {
        Config reference = ConfigFactory.defaultReference(classLoader);
        Config sets = parseOverrides(overrides);
        Config layered = sets.withFallback(user);
        Config merged = layered.withFallback(reference).resolve();
        merged.checkValid(reference, "acktr");
        rejectUnknownKeys(layered, reference);
        RunSettings.from(merged);
        AlgorithmSettings.from(merged);
        CheckpointSettings.from(merged);
        RuntimeSettings.from(merged);
        return merged;
    }

    /** The embedded default run. */
    public static Config defaultRun(ClassLoader classLoader) {
        return ConfigFactory.parseResources(classLoader, DEFAULT_RUN, ConfigParseOptions.defaults().setAllowMissing(false));
    }

    /** Parses a HOCON file, failing with a clear message when it does not exist. */
    public static Config parseFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException.IO(ConfigFactory.empty().origin(), "configuration file not found: " + file.toAbsolutePath());
        }
        return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
    }

    /** Each override is {@code key=value}; the value is HOCON, or a plain string where it does not parse. */
    static Config parseOverrides(List<String> overrides) {
        Config result = ConfigFactory.empty();
        for (String override : overrides) {
            int eq = override.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException.BadValue("--set", "\"" + override + "\": expected key=value, e.g. --set acktr.seed=2");
            }
            String key = override.substring(0, eq).strip();
            String value = override.substring(eq + 1).strip();
            Config one;
            try {
                one = ConfigFactory.parseString(key + " = " + value);
            } catch (ConfigException.Parse e) {
                one = ConfigFactory.parseMap(Map.of(key, value));
            }
            result = one.withFallback(result);
        }
        return result;
    }

    private static void rejectUnknownKeys(Config layered, Config reference) {
        if (!layered.hasPath("acktr")) {
            return;
        }
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, ConfigValue> e : layered.getConfig("acktr").entrySet()) {
            String path = "acktr." + e.getKey();
            if (!reference.hasPathOrNull(path) && !insideFreeFormObject(path, reference)) {
                unknown.add(path);
            }
        }
        if (!unknown.isEmpty()) {
            String first = unknown.get(0);
            throw new ConfigException.BadPath(first, "unknown setting" + (unknown.size() > 1 ? "s " + unknown : "")
                    + "; known settings here: " + siblings(first, reference));
        }
    }

    /** Keys below a reference value that is an empty object (a map users fill) are allowed. */
    private static boolean insideFreeFormObject(String path, Config reference) {
        String parent = path;
        while (parent.contains(".")) {
            parent = parent.substring(0, parent.lastIndexOf('.'));
            if (reference.hasPath(parent)) {
                ConfigValue v = reference.getValue(parent);
                return v instanceof com.typesafe.config.ConfigObject o && o.isEmpty();
            }
        }
        return false;
    }

    private static String siblings(String path, Config reference) {
        String parent = path;
        while (parent.contains(".")) {
            parent = parent.substring(0, parent.lastIndexOf('.'));
            if (reference.hasPath(parent)) {
                TreeSet<String> names = new TreeSet<>();
                for (String key : reference.getObject(parent).keySet()) {
                    names.add(parent + "." + key);
                }
                return String.join(", ", names);
            }
        }
        return "acktr.*";
    }
}
