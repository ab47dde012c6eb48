package io.acktr.envs.wrappers;

import io.acktr.api.env.Environment;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * An {@link Environment} that decorates another one, as Gymnasium's {@code gymnasium.Wrapper}
 * does. Exposing the wrapped environment lets callers find a wrapper further in, the way
 * Gymnasium's {@code get_wrapper_attr} does: {@link TimeFeature} finds its {@link TimeLimit}, and
 * {@link io.acktr.envs.vector.SyncVectorEnvironment} finds the {@link EpisodeStatistics} of an
 * {@link EpisodeMonitor} under reward normalisation.
 */
public interface EnvironmentWrapper extends Environment {
    /** The wrapped environment, one level in. */
    Environment environment();

    /**
     * The outermost environment of {@code type} in the wrapper chain starting at {@code environment}
     * (itself included), following {@link #environment()} inwards; empty when there is none.
     */
    static <T> Optional<T> find(Environment environment, Class<T> type) {
        requireNonNull(environment, "environment is null");
        requireNonNull(type, "type is null");
        Environment current = environment;
        while (current != null) {
            if (type.isInstance(current)) {
                return Optional.of(type.cast(current));
            }
            current = current instanceof EnvironmentWrapper wrapper ? wrapper.environment() : null;
        }
        return Optional.empty();
    }
}
