package io.acktr.envs.wrappers;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The checked list {@value #PATH}, innermost wrapper first. {@link #from(Config)} reads it eagerly
 * from a configuration that has this module's {@code reference.conf} as fallback: each entry needs
 * a known {@code type}, may set only that type's keys, and takes the keys it leaves out from
 * {@value #DEFAULTS_PATH}{@code .<type>}. A bad entry fails with a
 * {@link ConfigException.BadValue} naming its path, e.g.
 * {@code acktr.env.wrappers[2].frames = 0: must be >= 1}.
 *
 * @param staggeredStart {@value #STAGGERED_START_PATH}: cut environment {@code i}'s first episode
 *                       after {@code i * T / count} steps ({@link StaggeredStart})
 */
public record WrapperSettings(List<WrapperEntry> entries, boolean staggeredStart) {
    public static final String PATH = "acktr.env.wrappers";
    public static final String DEFAULTS_PATH = "acktr.env.wrapper-defaults";
    public static final String STAGGERED_START_PATH = "acktr.env.staggered-start";

    public WrapperSettings {
        entries = List.copyOf(requireNonNull(entries, "entries is null"));
    }

    /** The entries, without a staggered start. */
    public WrapperSettings(List<WrapperEntry> entries) {
        this(entries, false);
    }

    public static WrapperSettings from(Config config) {
        requireNonNull(config, "config is null");
        Config defaults = config.getConfig(DEFAULTS_PATH);
        for (WrapperType type : WrapperType.values()) {
            checkDefaults(defaults, type);
        }
        ConfigList list;
        try {
            list = config.getList(PATH);
        } catch (ConfigException.WrongType e) {
            throw new ConfigException.BadValue(PATH, EntryReader.describe(config.getValue(PATH).unwrapped())
                    + ": must be a list of wrappers such as [ { type = frame-stack, frames = 4 } ]");
        }
        List<WrapperEntry> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            entries.add(entry(list.get(i), PATH + "[" + i + "]", defaults));
        }
        return new WrapperSettings(entries, staggeredStart(config));
    }

    private static boolean staggeredStart(Config config) {
        try {
            return config.getBoolean(STAGGERED_START_PATH);
        } catch (ConfigException.WrongType e) {
            throw new ConfigException.BadValue(STAGGERED_START_PATH,
                    EntryReader.describe(config.getValue(STAGGERED_START_PATH).unwrapped()) + ": must be true or false");
        }
    }

    private static WrapperEntry entry(ConfigValue value, String path, Config defaults) {
        if (!(value instanceof ConfigObject object)) {
            throw new ConfigException.BadValue(path, EntryReader.describe(value.unwrapped())
                    + ": must be an object such as { type = frame-stack }");
        }
        Config entry = object.toConfig();
        if (!entry.hasPath("type")) {
            throw new ConfigException.BadValue(path + ".type", "missing: each wrapper needs a type, one of " + allowedTypes());
        }
        String typeName;
        try {
            typeName = entry.getString("type");
        } catch (ConfigException.WrongType e) {
            throw new ConfigException.BadValue(path + ".type", EntryReader.describe(entry.getValue("type").unwrapped())
                    + ": must be one of " + allowedTypes());
        }
        WrapperType type = WrapperType.byConfigName(typeName).orElseThrow(() -> new ConfigException.BadValue(path + ".type",
                EntryReader.describe(typeName) + ": must be one of " + allowedTypes()));
        for (String key : object.keySet()) {
            if (!key.equals("type") && !type.keys().contains(key)) {
                throw new ConfigException.BadValue(path + "." + key, EntryReader.describe(object.get(key).unwrapped())
                        + ": unknown key for " + type + ", which " + describeKeys(type));
            }
        }
        return parse(type, new EntryReader(entry.withFallback(defaults.getConfig(type.configName())), path));
    }

    /** The defaults of {@code type} must name exactly its keys, with valid values. */
    private static void checkDefaults(Config defaults, WrapperType type) {
        String path = DEFAULTS_PATH + "." + type.configName();
        ConfigObject block = defaults.getObject(type.configName());
        for (String key : block.keySet()) {
            if (!type.keys().contains(key)) {
                throw new ConfigException.BadValue(path + "." + key, EntryReader.describe(block.get(key).unwrapped())
                        + ": unknown key for " + type + ", which " + describeKeys(type));
            }
        }
        for (String key : type.keys()) {
            if (!block.containsKey(key)) {
                throw new ConfigException.Missing(path + "." + key);
            }
        }
        parse(type, new EntryReader(block.toConfig(), path));
    }

    private static WrapperEntry parse(WrapperType type, EntryReader reader) {
        String path = reader.path();
        return switch (type) {
            case NORMALIZE_OBSERVATION -> new WrapperEntry.NormalizeObservation(path, reader.positiveDouble("clip"),
                    reader.positiveDouble("epsilon"));
            case NORMALIZE_REWARD -> new WrapperEntry.NormalizeReward(path, reader.doubleIn("gamma", 0, 1),
                    reader.positiveDouble("clip"), reader.positiveDouble("epsilon"));
            case FRAME_STACK -> new WrapperEntry.FrameStack(path, reader.positiveInt("frames"));
            case RESCALE_ACTION -> rescaleAction(reader);
            case CLIP_ACTION -> new WrapperEntry.ClipAction(path);
            case TIME_FEATURE -> new WrapperEntry.TimeFeature(path);
        };
    }

    private static WrapperEntry rescaleAction(EntryReader reader) {
        double low = reader.finiteDouble("low");
        double high = reader.finiteDouble("high");
        if (!(high > low)) {
            throw reader.bad("high", high, "must be > low (" + low + ")");
        }
        return new WrapperEntry.RescaleAction(reader.path(), low, high);
    }

    private static String allowedTypes() {
        return String.join(", ", WrapperType.configNames());
    }

    private static String describeKeys(WrapperType type) {
        return type.keys().isEmpty() ? "has no keys besides type" : "has the keys " + String.join(", ", type.keys());
    }
}
