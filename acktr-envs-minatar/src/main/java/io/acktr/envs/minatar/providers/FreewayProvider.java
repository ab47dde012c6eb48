package io.acktr.envs.minatar.providers;

import io.acktr.envs.minatar.Freeway;

/**
 * {@code MinAtar/Freeway-v0}: {@link Freeway} with all six actions and sticky actions with
 * probability 0.1; the game itself ends every episode after 2500 steps, and no other time limit is
 * added.
 */
public final class FreewayProvider extends MinAtarProvider {
    public FreewayProvider() {
        super(Freeway.ID,
                "MinAtar: walk a chicken across eight lanes of traffic for 2500 steps; Discrete(6) actions, 10x10x7 binary observations",
                Freeway::new);
    }
}
