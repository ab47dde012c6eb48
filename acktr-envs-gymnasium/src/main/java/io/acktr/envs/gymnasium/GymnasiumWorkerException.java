package io.acktr.envs.gymnasium;

/**
 * The Gymnasium bridge cannot do what was asked: the interpreter is missing, gymnasium is not
 * importable, Gymnasium refused the id or a space, Python raised (the message carries its
 * traceback), or the worker process died or timed out (the message names the environment, the exit
 * code and the last lines the worker wrote to stderr). An {@link IllegalArgumentException}, so the
 * command line ends with exit code 2: the environment the configuration names cannot run as configured.
 */
public final class GymnasiumWorkerException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public GymnasiumWorkerException(String message) {
        super(message);
    }

    public GymnasiumWorkerException(String message, Throwable cause) {
        super(message, cause);
    }
}
