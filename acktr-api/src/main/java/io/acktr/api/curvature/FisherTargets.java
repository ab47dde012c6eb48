package io.acktr.api.curvature;

import java.util.Arrays;
import java.util.List;

/** Where the targets {@code y} of a Fisher pass {@code grad log p(y|s)} come from. */
public enum FisherTargets {
    /** Sampled from the model's own output distribution: the true Fisher. */
    SAMPLED("sampled"),
    /** The batch's actions and returns: the empirical Fisher, a different and usually worse matrix. */
    EMPIRICAL("empirical");

    private final String configName;

    FisherTargets(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static List<String> configNames() {
        return Arrays.stream(values()).map(FisherTargets::configName).toList();
    }

    public static FisherTargets fromConfigName(String name) {
        return Arrays.stream(values()).filter(v -> v.configName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown Fisher targets " + name
                        + "; expected one of " + configNames()));
    }
}
