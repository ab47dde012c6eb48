package io.acktr.runtime.bus;

import io.acktr.api.training.TrainingListener;

/**
 * A run's own listener that must know how its run ended: {@link ListenerSubscriber} calls
 * {@link #onEnd(RunEnded)} instead of {@link #onEnd()}. A run that failed after applying an update
 * it never reported ({@link RunEnded#updates()} above the last reported one) has parameters no
 * metrics describe, e.g. diverged ones a checkpoint must not keep.
 */
public interface RunEndListener extends TrainingListener {
    void onEnd(RunEnded ended);
}
