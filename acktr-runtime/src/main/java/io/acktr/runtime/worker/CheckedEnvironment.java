package io.acktr.runtime.worker;

import io.acktr.api.env.Environment;
import io.acktr.api.env.StepResult;
import io.acktr.envs.wrappers.ForwardingEnvironment;
import java.util.Arrays;

/**
 * The outermost layer of a rollout environment: turns an exception of the environment, or an
 * observation or reward holding NaN or an infinity, into an {@link EnvironmentFailedException}
 * naming the environment's id, its index in the run and its step (counted over the whole run).
 */
final class CheckedEnvironment extends ForwardingEnvironment {
    private final int index;
    /** Steps this environment has taken in the run, the failing one included. */
    private long steps;

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
        steps++;
        StepResult result;
        try {
            result = super.step(action);
        } catch (RuntimeException e) {
            throw failure("step", e);
        }
        checked(result.observation(), "step");
        if (!Double.isFinite(result.reward())) {
            throw new EnvironmentFailedException(where("step") + " returned a non-finite reward " + result.reward(), null);
        }
        return result;
    }

    private double[] checked(double[] observation, String call) {
        for (double v : observation) {
            if (!Double.isFinite(v)) {
                throw new EnvironmentFailedException(where(call) + " returned a non-finite observation "
                        + Arrays.toString(observation), null);
            }
        }
        return observation;
    }

    private EnvironmentFailedException failure(String call, RuntimeException cause) {
        return new EnvironmentFailedException(where(call) + " failed: " + cause.getClass().getSimpleName() + ": "
                + cause.getMessage(), cause);
    }

    /** E.g. "environment 3 (Failing-v0) at its step 30" or "environment 3 (Failing-v0) in reset after its step 30". */
    private String where(String call) {
        return "environment " + index + " (" + id() + ") " + (call.equals("step") ? "at its step " + steps
                : "in " + call + " after its step " + steps);
    }
}
