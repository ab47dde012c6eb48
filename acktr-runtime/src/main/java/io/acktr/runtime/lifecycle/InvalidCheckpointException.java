package io.acktr.runtime.lifecycle;

/**
 * A checkpoint that is missing, damaged, of another format version, or does not fit the policy or
 * the wrappers it is restored into. The message names the file and what is wrong. It is bad input
 * to the command line (exit code 2), like a bad setting.
 */
public final class InvalidCheckpointException extends IllegalArgumentException {
    public InvalidCheckpointException(String message) {
        super(message);
    }

    public InvalidCheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
