package io.acktr.runtime.worker;

/** An environment of the run threw, or returned a non-finite observation; the message names it. */
public final class EnvironmentFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EnvironmentFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
