package io.acktr.runtime.bus;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Sent to {@link Addresses#listenersDone} once the run's own listeners handled the metrics of
 * update {@code updates}, or, when {@code runEnded}, the end of the run after that many updates.
 *
 * @param failure what a listener threw, empty when all went well
 */
public record ListenersDone(long updates, boolean runEnded, Optional<String> failure) {
    public ListenersDone {
        requireNonNull(failure, "failure is null");
    }
}
