package io.acktr.runtime.bus;

import io.vertx.core.eventbus.EventBus;

/**
 * Watches runs from outside them (the dashboard): told of each run when its event bus is up and
 * before its first update, it may subscribe to {@link Addresses#metrics} there. It only listens:
 * the learner never waits for it, so a slow observer cannot slow the run down.
 */
@FunctionalInterface
public interface RunObserver {
    /** Watches nothing. */
    RunObserver NONE = (run, bus) -> { };

    /** {@code run} starts on {@code bus}; called on the run's thread, must return at once. */
    void runStarted(StartedRun run, EventBus bus);

    /** This observer, told of each run as the suite's run {@code name} of {@code variant}. */
    default RunObserver inSuite(String name, String variant) {
        return (run, bus) -> runStarted(run.inSuite(name, variant), bus);
    }
}
