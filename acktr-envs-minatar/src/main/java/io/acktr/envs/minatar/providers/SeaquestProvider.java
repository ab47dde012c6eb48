package io.acktr.envs.minatar.providers;

import io.acktr.envs.minatar.Seaquest;

/**
 * {@code MinAtar/Seaquest-v0}: {@link Seaquest} with all six actions, sticky actions with
 * probability 0.1, difficulty ramping on and no time limit.
 */
public final class SeaquestProvider extends MinAtarProvider {
    public SeaquestProvider() {
        super(Seaquest.ID,
                "MinAtar: shoot enemies, rescue divers, surface for oxygen; Discrete(6) actions, 10x10x10 binary observations",
                Seaquest::new);
    }
}
