package io.acktr.curvature.step;

import java.util.Arrays;
import java.util.List;

/** Which parameters share one trust-region step size. */
public enum TrustRegionScope {
    /** One {@code eta} for all parameters, from the total {@code Delta^T F_hat Delta}. */
    JOINT("joint"),
    /**
     * One {@code eta} per parameter group (a separate actor and critic are two groups; a shared
     * torso is one), each bounding its own KL by {@code delta}. The joint KL is the sum of the groups'.
     */
    PER_GROUP("per-group");

    private final String configName;

    TrustRegionScope(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static List<String> configNames() {
        return Arrays.stream(values()).map(TrustRegionScope::configName).toList();
    }

    public static TrustRegionScope fromConfigName(String name) {
        return Arrays.stream(values()).filter(v -> v.configName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown trust-region scope " + name));
    }
}
