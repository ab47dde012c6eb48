package io.acktr.envs.minatar.providers;

import io.acktr.envs.minatar.SpaceInvaders;

/**
 * {@code MinAtar/SpaceInvaders-v0}: {@link SpaceInvaders} with all six actions, sticky actions with
 * probability 0.1, difficulty ramping on and no time limit.
 */
public final class SpaceInvadersProvider extends MinAtarProvider {
    public SpaceInvadersProvider() {
        super(SpaceInvaders.ID,
                "MinAtar: shoot a marching block of aliens; Discrete(6) actions, 10x10x6 binary observations",
                SpaceInvaders::new);
    }
}
