package io.acktr.envs.wrappers;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.Environment;
import io.acktr.api.env.Space;
import io.acktr.api.env.StepResult;

import java.util.Arrays;

/**
 * stable-baselines3-contrib's {@code TimeFeatureWrapper}: appends the remaining fraction of the
 * episode, {@code 1 - t / maxEpisodeSteps}, to each observation, where {@code t} is the
 * {@link TimeLimit#elapsedSteps()} of the time limit found inside this wrapper: 1 after a reset,
 * 0 on the step the time limit truncates. It makes a time-limited task Markovian again (Pardo et
 * al., 2018). The observation space must be a one-dimensional box {@code [n]}; it becomes
 * {@code [n + 1]} with the new element bounded by {@code [0, 1]}.
 */
public final class TimeFeature extends ForwardingEnvironment {
    private final TimeLimit timeLimit;
    private final BoxSpace observationSpace;

    /** @throws IllegalArgumentException when no {@link TimeLimit} wraps the environment or the observations are not one-dimensional */
    public TimeFeature(Environment environment) {
        super(environment);
        this.timeLimit = EnvironmentWrapper.find(environment, TimeLimit.class).orElseThrow(() -> new IllegalArgumentException(
                "TimeFeature needs a time limit, but " + environment.id() + " is not wrapped in a TimeLimit"));
        BoxSpace inner = BoxSpaces.requireBox(environment.observationSpace(), "observation", "TimeFeature", environment.id());
        if (inner.shape().length != 1) {
            throw new IllegalArgumentException("TimeFeature needs one-dimensional observations, but " + environment.id()
                    + " has " + inner.describe() + " here; apply TimeFeature before FrameStack");
        }
        this.observationSpace = new BoxSpace(append(inner.low(), 0.0), append(inner.high(), 1.0), new int[] {inner.flatSize() + 1});
    }

    @Override
    public Space observationSpace() {
        return observationSpace;
    }

    @Override
    public double[] reset(long seed) {
        return withFeature(super.reset(seed));
    }

    @Override
    public double[] reset() {
        return withFeature(super.reset());
    }

    @Override
    public StepResult step(double[] action) {
        StepResult result = super.step(action);
        return new StepResult(withFeature(result.observation()), result.reward(), result.terminated(), result.truncated(),
                result.info());
    }

    private double[] withFeature(double[] observation) {
        double remaining = 1.0 - (double) timeLimit.elapsedSteps() / timeLimit.maxEpisodeSteps();
        return append(observation, remaining);
    }

    private static double[] append(double[] values, double last) {
        double[] result = Arrays.copyOf(values, values.length + 1);
        result[values.length] = last;
        return result;
    }
}
