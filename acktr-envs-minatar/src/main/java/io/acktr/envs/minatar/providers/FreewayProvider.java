package io.acktr.envs.minatar.providers;

import io.acktr.api.env.Environment;
import io.acktr.api.env.EnvironmentProvider;
import io.acktr.envs.minatar.Freeway;

/**
 * {@code MinAtar/Freeway-v0}: all six actions, sticky actions with probability 0.1 (the game has
 * no difficulty ramp). Like MinAtar's gym registration it adds no time limit.
 */
public final class FreewayProvider implements EnvironmentProvider {
    @Override
    public String id() {
        return Freeway.ID;
    }

    @Override
    public String description() {
        return "MinAtar: walk a chicken across eight lanes of traffic for 2500 steps; Discrete(6) actions, 10x10x7 binary observations";
    }

    @Override
    public Environment create() {
        return new Freeway();
    }
}
