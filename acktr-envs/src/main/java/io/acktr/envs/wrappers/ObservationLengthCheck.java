package io.acktr.envs.wrappers;

import io.acktr.api.env.Environment;
import io.acktr.api.env.Space;
import io.acktr.api.env.StepResult;

import static java.util.Objects.requireNonNull;

/**
 * Checks that every observation from {@code reset} and {@code step} has
 * {@code observationSpace().flatSize()} elements, the part of Gymnasium's {@code PassiveEnvChecker}
 * that array-based callers rely on: a policy fed an array of the wrong length fails far from the
 * cause, or not at all. A wrong observation throws {@link IllegalStateException} naming the
 * environment's origin (e.g. its provider class) and id. The
 * {@link io.acktr.envs.registry.EnvironmentRegistry} wraps every environment it creates in one.
 */
public final class ObservationLengthCheck extends ForwardingEnvironment {
    private final String origin;
    private final Space observationSpace;
    private final int length;

    /**
     * @param origin where the environment came from, for messages, e.g.
     *               {@code "environment provider com.example.FooProvider"}
     * @throws NullPointerException when the environment has no observation space
     */
    public ObservationLengthCheck(Environment environment, String origin) {
        super(environment);
        this.origin = requireNonNull(origin, "origin is null");
        this.observationSpace = requireNonNull(environment.observationSpace(), "observationSpace of " + environment.id() + " is null");
        this.length = observationSpace.flatSize();
    }

    /** The wrapped environment's observation space, read once at construction. */
    @Override
    public Space observationSpace() {
        return observationSpace;
    }

    @Override
    public double[] reset(long seed) {
        return check(super.reset(seed), "reset(seed)");
    }

    @Override
    public double[] reset() {
        return check(super.reset(), "reset()");
    }

    @Override
    public StepResult step(double[] action) {
        StepResult result = super.step(action);
        if (result == null) {
            throw new IllegalStateException(origin + ": environment " + id() + " returned a null step result");
        }
        check(result.observation(), "step()");
        return result;
    }

    private double[] check(double[] observation, String method) {
        if (observation == null) {
            throw new IllegalStateException(origin + ": environment " + id() + " returned a null observation from "
                    + method);
        }
        if (observation.length != length) {
            throw new IllegalStateException(origin + ": environment " + id() + " returned an observation of length "
                    + observation.length + " from " + method + ", but its observation space " + observationSpace.describe()
                    + " has " + length + " elements");
        }
        return observation;
    }
}
