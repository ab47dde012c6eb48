package io.acktr.runtime.learner;

/** Training produced non-finite numbers for too long to continue. */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }
}
