package io.acktr.envs.wrappers;

import io.acktr.api.env.Environment;
import io.acktr.api.env.RgbFrame;
import io.acktr.api.env.Space;
import io.acktr.api.env.StepResult;

import static java.util.Objects.requireNonNull;

/**
 * Gymnasium's {@code TimeLimit}: counts steps since the last reset and marks a step truncated
 * when the count reaches {@code maxEpisodeSteps} ({@code truncated = elapsed >= max}, whether or
 * not the step also terminated). Stepping on past the limit is left to the wrapped environment.
 */
public final class TimeLimit implements EnvironmentWrapper {
    private final Environment environment;
    private final int maxEpisodeSteps;
    private int elapsedSteps;

    public TimeLimit(Environment environment, int maxEpisodeSteps) {
        this.environment = requireNonNull(environment, "environment is null");
        if (maxEpisodeSteps < 1) {
            throw new IllegalArgumentException("maxEpisodeSteps must be >= 1, got " + maxEpisodeSteps);
        }
        this.maxEpisodeSteps = maxEpisodeSteps;
    }

    public int maxEpisodeSteps() {
        return maxEpisodeSteps;
    }

    /** Steps taken since the last reset. */
    public int elapsedSteps() {
        return elapsedSteps;
    }

    /** The wrapped environment. */
    @Override
    public Environment environment() {
        return environment;
    }

    @Override
    public String id() {
        return environment.id();
    }

    @Override
    public Space observationSpace() {
        return environment.observationSpace();
    }

    @Override
    public Space actionSpace() {
        return environment.actionSpace();
    }

    @Override
    public double[] reset(long seed) {
        elapsedSteps = 0;
        return environment.reset(seed);
    }

    @Override
    public double[] reset() {
        elapsedSteps = 0;
        return environment.reset();
    }

    @Override
    public StepResult step(double[] action) {
        StepResult result = environment.step(action);
        elapsedSteps++;
        return elapsedSteps >= maxEpisodeSteps ? result.withTruncated() : result;
    }

    @Override
    public RgbFrame render() {
        return environment.render();
    }

    @Override
    public void close() {
        environment.close();
    }

    @Override
    public String toString() {
        return "TimeLimit(" + environment + ", " + maxEpisodeSteps + ")";
    }
}
