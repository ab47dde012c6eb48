package io.acktr.api.env;

import java.util.Map;

/**
 * The outcome of {@link Environment#step}, as in Gymnasium: {@code terminated} means the MDP
 * reached a terminal state (no bootstrapping); {@code truncated} means the episode was cut, for
 * example by a time limit, and the value of {@code observation} should be bootstrapped.
 */
public record StepResult(double[] observation, double reward, boolean terminated, boolean truncated,
                         Map<String, Object> info) {
    public StepResult {
        if (observation == null) {
            throw new NullPointerException("observation is null");
        }
        info = info == null ? Map.of() : Map.copyOf(info);
    }

    public StepResult(double[] observation, double reward, boolean terminated, boolean truncated) {
        this(observation, reward, terminated, truncated, Map.of());
    }

    /** Whether the episode ended, for either reason. */
    public boolean done() {
        return terminated || truncated;
    }

    /** The same step marked as truncated (used by time-limit wrappers). */
    public StepResult withTruncated() {
        return new StepResult(observation, reward, terminated, true, info);
    }
}
