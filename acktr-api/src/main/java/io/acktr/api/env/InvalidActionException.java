package io.acktr.api.env;

import java.util.Arrays;

/** An action outside the environment's action space. */
public final class InvalidActionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidActionException(String environmentId, double[] action, Space space) {
        super("invalid action " + Arrays.toString(action) + " for environment " + environmentId
                + ": the action space is " + space.describe());
    }
}
