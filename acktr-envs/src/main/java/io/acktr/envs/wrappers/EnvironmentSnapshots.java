package io.acktr.envs.wrappers;

import static java.util.Objects.requireNonNull;

import io.acktr.api.env.Environment;
import io.acktr.api.env.RestorableEnvironment;
import io.acktr.api.state.SavedState;
import java.util.Optional;

/**
 * Saves and restores a whole wrapped environment: each {@link ForwardingEnvironment} layer's own
 * state (under {@code layer-<i>/}, outermost first) and the innermost environment's (under
 * {@code environment/}), which must be a {@link RestorableEnvironment}. A chain with any other
 * layer, or around an environment that cannot save itself, has no snapshot: its run starts a fresh
 * episode on resume.
 *
 * <pre>{@code
 * Optional<SavedState> saved = EnvironmentSnapshots.save(wrapped);   // between two steps
 * EnvironmentSnapshots.restore(rebuiltTheSameWay, saved.get());     // instead of its first reset
 * }</pre>
 */
public final class EnvironmentSnapshots {
    private static final String INNERMOST = "environment/";

    private EnvironmentSnapshots() {
    }

    /** Whether every layer of the chain can be saved. */
    public static boolean canSave(Environment environment) {
        Environment current = requireNonNull(environment, "environment is null");
        while (current instanceof ForwardingEnvironment layer) {
            current = layer.environment();
        }
        return current instanceof RestorableEnvironment;
    }

    /** The chain's state, or empty when some layer cannot save its own. */
    public static Optional<SavedState> save(Environment environment) {
        if (!canSave(environment)) {
            return Optional.empty();
        }
        SavedState state = SavedState.empty();
        Environment current = environment;
        int depth = 0;
        while (current instanceof ForwardingEnvironment layer) {
            state = state.with(layerPrefix(depth++), layer.ownState());
            current = layer.environment();
        }
        return Optional.of(state.with(INNERMOST, ((RestorableEnvironment) current).saveState()));
    }

    /**
     * Puts a chain built as the saved one was back into the saved state.
     *
     * @throws IllegalArgumentException when the chain cannot be restored or the state does not fit it
     */
    public static void restore(Environment environment, SavedState state) {
        requireNonNull(state, "state is null");
        if (!canSave(environment)) {
            throw new IllegalArgumentException(environment + " cannot be restored: a layer or the environment saves no state");
        }
        Environment current = environment;
        int depth = 0;
        while (current instanceof ForwardingEnvironment layer) {
            layer.restoreOwnState(state.part(layerPrefix(depth++)));
            current = layer.environment();
        }
        ((RestorableEnvironment) current).restoreState(state.part(INNERMOST));
    }

    private static String layerPrefix(int depth) {
        return "layer-" + depth + "/";
    }
}
