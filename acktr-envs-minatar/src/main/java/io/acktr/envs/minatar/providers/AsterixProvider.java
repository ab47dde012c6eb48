package io.acktr.envs.minatar.providers;

import io.acktr.envs.minatar.Asterix;

/**
 * {@code MinAtar/Asterix-v0}: {@link Asterix} with all six actions, sticky actions with probability
 * 0.1, difficulty ramping on and no time limit.
 */
public final class AsterixProvider extends MinAtarProvider {
    public AsterixProvider() {
        super(Asterix.ID,
                "MinAtar: collect gold, dodge enemies; Discrete(6) actions, 10x10x4 binary observations",
                Asterix::new);
    }
}
