package io.acktr.runtime.suite;

import java.util.OptionalLong;

/**
 * One finished run of a suite.
 *
 * @param stepsToThreshold env steps at which the mean return of the last 100 episodes first reached
 *     the task's threshold, if it did
 * @param meanUpdateMillis mean wall time of one update
 */
public record RunResult(String task, String variant, long seed, long envSteps, OptionalLong stepsToThreshold,
                        double finalMeanReturn, double meanUpdateMillis, double wallSeconds, long skippedUpdates,
                        String runDirectory) {
}
