package io.acktr.runtime.learner;

import java.util.OptionalLong;

/**
 * How a run ended.
 *
 * @param firstStepsAtThreshold env steps at the first update whose mean return reached the
 *     threshold the run was asked to watch, if any
 * @param updateSeconds wall time spent in updates (the learner), without collection
 * @param wallSeconds wall time of the whole run
 */
public record TrainingSummary(long envSteps, long updates, long episodes, double finalMeanReturn, long skippedUpdates,
                              OptionalLong firstStepsAtThreshold, double updateSeconds, double wallSeconds) {
    /** Mean wall time of one update in milliseconds. */
    public double meanUpdateMillis() {
        return updates == 0 ? Double.NaN : 1000 * updateSeconds / updates;
    }
}
