package io.acktr.runtime.settings;

import java.util.List;

/** Where the targets of the Fisher pass come from (ACKTR-REFERENCE section 2). */
public enum FisherTargets {
    /** Actions and values sampled from the model: the true Fisher. */
    SAMPLED,
    /** The batch's own actions and returns: the empirical Fisher. */
    EMPIRICAL;

    public static List<String> configNames() {
        return List.of("sampled", "empirical");
    }

    public static FisherTargets fromConfigName(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
