package io.acktr.envs.wrappers;

import io.acktr.api.env.Environment;
import io.acktr.api.state.SavedState;
import io.acktr.api.env.RgbFrame;
import io.acktr.api.env.Space;
import io.acktr.api.env.StepResult;

import static java.util.Objects.requireNonNull;

/**
 * An {@link EnvironmentWrapper} that forwards every call to the wrapped environment; subclasses
 * override what they change. Only cuts the duplication of delegation, as stable-baselines3 uses
 * inheritance.
 */
public abstract class ForwardingEnvironment implements EnvironmentWrapper {
    private final Environment environment;

    protected ForwardingEnvironment(Environment environment) {
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public final Environment environment() {
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
        return environment.reset(seed);
    }

    @Override
    public double[] reset() {
        return environment.reset();
    }

    @Override
    public StepResult step(double[] action) {
        return environment.step(action);
    }

    /** Forwards the announcement; a wrapper that changes actions overrides this as it does {@link #step}. */
    @Override
    public void announceStep(double[] action) {
        environment.announceStep(action);
    }

    @Override
    public RgbFrame render() {
        return environment.render();
    }

    @Override
    public void close() {
        environment.close();
    }

    /**
     * This wrapper's own state between two steps (counters, frames, a running return), without the
     * wrapped environment's, for {@link EnvironmentSnapshots}. The default has none.
     */
    protected SavedState ownState() {
        return SavedState.empty();
    }

    /** Takes back what {@link #ownState()} gave. The default has nothing to take. */
    protected void restoreOwnState(SavedState state) {
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + environment + ")";
    }
}
