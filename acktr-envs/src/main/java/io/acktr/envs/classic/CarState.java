package io.acktr.envs.classic;

import io.acktr.api.state.SavedState;

/**
 * The saved dynamics of the two mountain cars (discrete and continuous actions share them): the
 * car's position and velocity, and whether an episode has started and terminated.
 */
record CarState(double position, double velocity, boolean started, boolean terminated) {
    /** {@code saved} and these values. */
    SavedState addTo(SavedState saved) {
        return saved.with("position", position).with("velocity", velocity).with("started", started)
                .with("terminated", terminated);
    }

    /** The values {@link #addTo} put in {@code saved}. */
    static CarState of(SavedState saved) {
        return new CarState(saved.scalar("position"), saved.scalar("velocity"), saved.flag("started"),
                saved.flag("terminated"));
    }
}
