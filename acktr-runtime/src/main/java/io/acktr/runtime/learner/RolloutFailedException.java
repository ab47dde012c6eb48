package io.acktr.runtime.learner;

/** A rollout worker could not deliver its part of a rollout; the message names the worker and the environment. */
public final class RolloutFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RolloutFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
