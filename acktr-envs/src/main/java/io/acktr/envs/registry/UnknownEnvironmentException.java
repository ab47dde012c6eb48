package io.acktr.envs.registry;

import java.util.List;

/** An environment id that no provider offers; the message lists the ids that are known. */
public final class UnknownEnvironmentException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnknownEnvironmentException(String id, List<String> knownIds) {
        super("unknown environment id \"" + id + "\"; known ids: "
                + (knownIds.isEmpty() ? "(none)" : String.join(", ", knownIds)));
    }
}
