package io.acktr.envs.minatar.providers;

import io.acktr.api.env.Environment;
import io.acktr.api.env.EnvironmentProvider;
import io.acktr.envs.minatar.Asterix;

/**
 * {@code MinAtar/Asterix-v0}: {@link Asterix} with all six actions, sticky actions with probability
 * 0.1, difficulty ramping on and no time limit.
 */
public final class AsterixProvider implements EnvironmentProvider {
    @Override
    public String id() {
        return Asterix.ID;
    }

    @Override
    public String description() {
        return "MinAtar: collect gold, dodge enemies; Discrete(6) actions, 10x10x4 binary observations";
    }

    @Override
    public Environment create() {
        return new Asterix();
    }
}
