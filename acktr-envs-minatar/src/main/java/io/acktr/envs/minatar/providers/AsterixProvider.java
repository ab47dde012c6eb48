package io.acktr.envs.minatar.providers;

import io.acktr.api.env.Environment;
import io.acktr.api.env.EnvironmentProvider;
import io.acktr.envs.minatar.Asterix;

/**
 * {@code MinAtar/Asterix-v0}: all six actions, sticky actions with probability 0.1 and
 * MinAtar's default difficulty ramping. Like MinAtar's gym registration it adds no time limit.
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
