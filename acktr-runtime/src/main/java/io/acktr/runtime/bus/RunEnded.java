package io.acktr.runtime.bus;

/**
 * Published last on {@link Addresses#metrics}: the run is over after {@code updates} updates,
 * normally or, when {@code failed}, not.
 */
public record RunEnded(long updates, boolean failed) {
}
