package io.acktr.envs.minatar.providers;

import io.acktr.envs.minatar.Freeway;

/**
 * {@code MinAtar/Freeway-v0}: all six actions, sticky actions with probability 0.1 (the game has
 * no difficulty ramp). Like MinAtar's gym registration it adds no time limit.
 */
public final class FreewayProvider extends MinAtarProvider {
    public FreewayProvider() {
        super(Freeway.ID,
                "MinAtar: walk a chicken across eight lanes of traffic for 2500 steps; Discrete(6) actions, 10x10x7 binary observations",
                Freeway::new);
    }
}
