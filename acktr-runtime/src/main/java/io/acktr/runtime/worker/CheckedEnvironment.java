package io.acktr.runtime.worker;

import io.acktr.api.env.Environment;
import io.acktr.api.env.StepResult;
import io.acktr.envs.wrappers.ForwardingEnvironment;
import java.util.Arrays;

/**
 * The outermost layer of a rollout environment: turns an exception of the environment, or an
 * observation holding NaN or an infinity, into an {@link EnvironmentFailedException} naming the
 * environment's id and its index in the run.
 */
final class CheckedEnvironment extends ForwardingEnvironment {
    private final int index;

    CheckedEnvironment(Environment environment, int index) {
        super(environment);
        this.index = index;
    }

    @Override
    public double[] reset(long seed) {
        try {
            return checked(super.reset(seed), "reset");
        } catch (EnvironmentFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure("reset", e);
        }
    }

    @Override
    public double[] reset() {
        try {
            return checked(super.reset(), "reset");
        } catch (EnvironmentFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure("reset", e);
        }
    }

    @Override
    public StepResult step(double[] action) {
        StepResult result;
        try {
            result = super.step(action);
        } catch (RuntimeException e) {
            throw failure("step", e);
        }
        checked(result.observation(), "step");
        return result;
    }

    private double[] checked(double[] observation, String call) {
        for (double v : observation) {
            if (!Double.isFinite(v)) {
                throw new EnvironmentFailedException("environment " + index + " (" + id() + ") returned a non-finite observation "
                        + "from " + call + ": " + Arrays.toString(observation), null);
            }
        }
        return observation;
    }

    private EnvironmentFailedException failure(String call, RuntimeException cause) {
        return new EnvironmentFailedException("environment " + index + " (" + id() + ") failed in " + call + ": "
                + cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
    }
}
