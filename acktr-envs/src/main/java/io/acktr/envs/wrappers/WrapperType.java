package io.acktr.envs.wrappers;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The wrapper types {@code acktr.env.wrappers} accepts, by their HOCON name, with the keys each
 * one reads. Their default values live in {@code acktr.env.wrapper-defaults} of
 * {@code reference.conf}.
 */
public enum WrapperType {
    NORMALIZE_OBSERVATION("normalize-observation", "clip", "epsilon"),
    NORMALIZE_REWARD("normalize-reward", "gamma", "clip", "epsilon"),
    FRAME_STACK("frame-stack", "frames"),
    RESCALE_ACTION("rescale-action", "low", "high"),
    CLIP_ACTION("clip-action"),
    TIME_FEATURE("time-feature");

    private final String configName;
    private final List<String> keys;

    WrapperType(String configName, String... keys) {
        this.configName = configName;
        this.keys = List.of(keys);
    }

    /** The value of {@code type} in HOCON, e.g. {@code frame-stack}. */
    public String configName() {
        return configName;
    }

    /** The keys an entry of this type may set besides {@code type}. */
    public List<String> keys() {
        return keys;
    }

    public static Optional<WrapperType> byConfigName(String name) {
        return Arrays.stream(values()).filter(t -> t.configName.equals(name)).findFirst();
    }

    /** Every HOCON name, in declaration order. */
    public static List<String> configNames() {
        return Arrays.stream(values()).map(WrapperType::configName).toList();
    }

    @Override
    public String toString() {
        return configName;
    }
}
