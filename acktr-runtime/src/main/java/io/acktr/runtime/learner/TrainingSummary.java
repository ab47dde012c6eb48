package io.acktr.runtime.learner;

import java.util.OptionalLong;

/**
 * How a run ended.
 *
 * @param firstStepsAtThreshold env steps at the first update whose mean return reached the
 *     threshold the run was asked to watch, if any
 */
public record TrainingSummary(long envSteps, long updates, long episodes, double finalMeanReturn, long skippedUpdates,
                              OptionalLong firstStepsAtThreshold) {
}
