package io.acktr.envs.providers;

import io.acktr.api.env.Environment;
import io.acktr.api.env.EnvironmentProvider;
import io.acktr.envs.classic.MountainCar;
import io.acktr.envs.wrappers.TimeLimit;

/** {@code MountainCar-v0} with Gymnasium's 200-step time limit. */
public final class MountainCarProvider implements EnvironmentProvider {
    public static final int MAX_EPISODE_STEPS = 200;

    @Override
    public String id() {
        return MountainCar.ID;
    }

    @Override
    public String description() {
        return "rock an underpowered car up a hill; Discrete(3) pushes, 2 observations, " + MAX_EPISODE_STEPS + " steps";
    }

    @Override
    public Environment create() {
        return new TimeLimit(new MountainCar(), MAX_EPISODE_STEPS);
    }
}
