package io.acktr.api.env;

import io.acktr.api.plugin.ExtensionPoint;

/**
 * A Gymnasium-style environment. Not thread-safe: one environment belongs to one rollout loop.
 *
 * <pre>{@code
 * double[] obs = env.reset(seed);
 * while (true) {
 *     StepResult r = env.step(policy.act(obs));
 *     if (r.done()) obs = env.reset(); else obs = r.observation();
 * }
 * }</pre>
 */
@ExtensionPoint
public interface Environment extends AutoCloseable {
    /** The Gymnasium id this environment was created under, e.g. {@code CartPole-v1}. */
    String id();

    Space observationSpace();

    Space actionSpace();

    /** Starts a new episode after seeding the environment's random generator with {@code seed}. */
    double[] reset(long seed);

    /** Starts a new episode, continuing the current random stream. */
    double[] reset();

    /**
     * Advances one step. Throws {@link InvalidActionException} for an action outside
     * {@link #actionSpace()} (a discrete action is a one-element array holding the index).
     */
    StepResult step(double[] action);

    /**
     * Announces that the next {@link #step} of this environment will be {@code step(action)}, so an
     * environment that runs elsewhere (another process) can gather the steps of several
     * environments into one exchange, as Gymnasium's {@code step_async} / {@code step_wait} do. A
     * caller that announces must then call {@code step} with an equal action before anything else
     * on this environment. A hint only: the default does nothing, and an environment may ignore it.
     * A wrapper that changes actions announces the changed action, as it steps with it.
     * {@code step} stays the only call that advances the environment.
     */
    default void announceStep(double[] action) {
    }

    /**
     * Draws the current state as an RGB image, as Gymnasium's {@code render_mode="rgb_array"} does.
     *
     * @throws UnsupportedOperationException for an environment that cannot draw itself
     */
    default RgbFrame render() {
        throw new UnsupportedOperationException(id() + " cannot render itself");
    }

    @Override
    default void close() {
    }
}
