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
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Builds the configuration of a run: {@code --set} overrides over the user's file over the
 * defaults, which are the embedded default run {@value #DEFAULT_RUN} (ACKTR tuned for CartPole-v1)
 * over every module's {@code reference.conf}, or, with {@code acktr.defaults = reference} (in the
 * file or set), the references alone. So a one-line file and {@code --set} of the same key run the
 * same experiment. Checks the result against the references: a key outside {@code acktr}, a key
 * of the wrong type, or a key under {@code acktr} that no module defines (a typo) fails here with
 * its HOCON path and the nearest known one, before anything starts.
 */
public final class ConfigLoader {
    /** Class-path resource of the run {@code acktr train} does without {@code --config}. */
    public static final String DEFAULT_RUN = "io/acktr/runtime/default-run.conf";

    private ConfigLoader() {
    }

    /** The setting that chooses what a user's file and {@code --set} are layered over. */
    public static final String DEFAULTS = "acktr.defaults";
    /** {@value #DEFAULTS} values: the embedded default run (over the references), or the references alone. */
    public static final String DEFAULT_RUN_DEFAULTS = "default-run";
    public static final String REFERENCE_DEFAULTS = "reference";

    public static Config load(ClassLoader classLoader, Optional<Path> userFile, List<String> overrides) {
        Config file = userFile.map(ConfigLoader::parseFile).orElse(ConfigFactory.empty());
        Config chosen = parseOverrides(overrides).withFallback(file);
        String defaults = chosen.hasPath(DEFAULTS) ? chosen.getValue(DEFAULTS).unwrapped().toString() : DEFAULT_RUN_DEFAULTS;
        Config user = switch (defaults) {
            case DEFAULT_RUN_DEFAULTS -> file.withFallback(defaultRun(classLoader));
            case REFERENCE_DEFAULTS -> file;
            default -> throw new ConfigException.BadValue(DEFAULTS, "\"" + defaults + "\": must be one of "
                    + DEFAULT_RUN_DEFAULTS + " (the tuned CartPole-v1 run acktr train does without --config), "
                    + REFERENCE_DEFAULTS + " (each module's reference.conf)");
        };
        return load(classLoader, user, overrides);
    }

    /** As {@link #load(ClassLoader, Optional, List)} with the user's layer already parsed (e.g. from a suite). */
    public static Config load(ClassLoader classLoader, Config user, List<String> overrides) {
        Config reference = ConfigFactory.defaultReference(classLoader);
        Config sets = parseOverrides(overrides);
        Config layered = sets.withFallback(user);
        rejectKeysOutsideAcktr(layered, reference);
        Config merged = layered.withFallback(reference).resolve();
        merged.checkValid(reference, "acktr");
        rejectUnknownKeys(layered, reference);
        RunSettings.from(merged);
        AlgorithmSettings.from(merged);
        CheckpointSettings.from(merged);
        RuntimeSettings.from(merged);
        DivergenceSettings.from(merged);
        DirectionCosineSettings.from(merged);
        return merged;
    }

    /** The embedded default run. */
    /**
     * Keys a resumed run may change with {@code --set}: its budget and how it runs, never what it
     * learns (a key equal to the run's own value is accepted too; the diagnostics measure without
     * changing the run). A prefix ending in '.' stands for
     * every key below it.
     */
    public static final List<String> RESUMABLE_KEYS = List.of("acktr.total-steps", "acktr.checkpoint.", "acktr.logging.",
            "acktr.memory.", "acktr.runtime.", "acktr.divergence.", "acktr.diagnostics.", DEFAULTS);

    /**
     * The configuration of the run in {@code runDirectory} (its {@code config.conf}) with
     * {@code overrides}, which may only change {@link #RESUMABLE_KEYS}.
     *
     * @throws ConfigException naming the first override that would change the experiment, or the
     *     missing or unreadable {@code config.conf}
     */
    public static Config forResume(ClassLoader classLoader, Path runDirectory, List<String> overrides) {
        Path file = runDirectory.resolve("config.conf");
        if (!Files.isRegularFile(file)) {
            throw new ConfigException.BadValue("--resume", "\"" + runDirectory + "\": not a run directory (no config.conf)");
        }
        Config saved = parseFile(file);
        Config sets = parseOverrides(overrides);
        for (Map.Entry<String, ConfigValue> e : sets.entrySet()) {
            String key = e.getKey();
            boolean resumable = RESUMABLE_KEYS.stream().anyMatch(k -> k.endsWith(".") ? key.startsWith(k) : key.equals(k));
            boolean unchanged = saved.hasPath(key) && saved.getValue(key).unwrapped().equals(e.getValue().unwrapped());
            if (!resumable && !unchanged) {
                throw new ConfigException.BadPath(key, "cannot change when a run resumes: it changes the experiment"
                        + " (the run has " + (saved.hasPath(key) ? saved.getValue(key).render(com.typesafe.config.ConfigRenderOptions.concise()) : "no such key")
                        + "); --resume accepts --set of " + String.join(", ", RESUMABLE_KEYS.stream()
                                .map(k -> k.endsWith(".") ? k + "*" : k).toList()) + "; start a new run to change it");
            }
        }
        return load(classLoader, saved, overrides);
    }

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

    /**
     * Every setting lives under {@code acktr}: a key elsewhere (a file written without the prefix,
     * a misspelt root) would otherwise be ignored silently and the run train on defaults.
     */
    private static void rejectKeysOutsideAcktr(Config layered, Config reference) {
        for (String root : layered.root().keySet()) {
            if (root.equals("acktr")) {
                continue;
            }
            String suggestion = reference.hasPathOrNull("acktr." + root) ? "acktr." + root
                    : nearest(root, List.of("acktr")).orElse("acktr");
            throw new ConfigException.BadPath(root, "not an acktr setting: every setting is under acktr"
                    + " (did you mean " + suggestion + "?)");
        }
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
            List<String> known = siblings(first, reference);
            String hint = nearest(first, known).map(n -> " (did you mean " + n + "?)").orElse("");
            throw new ConfigException.BadPath(first, "unknown setting" + (unknown.size() > 1 ? "s " + unknown : "")
                    + hint + "; known settings here: " + (known.isEmpty() ? "acktr.*" : String.join(", ", known)));
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

    /** The known settings beside {@code path}: the keys of its nearest parent in the references. */
    private static List<String> siblings(String path, Config reference) {
        String parent = path;
        while (parent.contains(".")) {
            parent = parent.substring(0, parent.lastIndexOf('.'));
            if (reference.hasPath(parent)) {
                TreeSet<String> names = new TreeSet<>();
                for (String key : reference.getObject(parent).keySet()) {
                    names.add(parent + "." + key);
                }
                return List.copyOf(names);
            }
        }
        return List.of();
    }

    /** The known name closest to {@code name} in edit distance, if it is close enough to be a typo. */
    static Optional<String> nearest(String name, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = LevenshteinDistance.getDefaultInstance().apply(name, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, name.length() / 3) ? Optional.of(best) : Optional.empty();
    }
}
