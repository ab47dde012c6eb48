package io.acktr.envs.providers;

import io.acktr.api.env.Environment;
import io.acktr.api.env.EnvironmentProvider;
import io.acktr.envs.classic.MountainCarContinuous;
import io.acktr.envs.wrappers.TimeLimit;

/** {@code MountainCarContinuous-v0} with Gymnasium's 999-step time limit. */
public final class MountainCarContinuousProvider implements EnvironmentProvider {
    public static final int MAX_EPISODE_STEPS = 999;

    @Override
    public String id() {
        return MountainCarContinuous.ID;
    }

    @Override
    public String description() {
        return "rock an underpowered car up a hill; Box(-1.0, 1.0, [1]) force, 2 observations, " + MAX_EPISODE_STEPS + " steps";
    }

    @Override
    public Environment create() {
        return new TimeLimit(new MountainCarContinuous(), MAX_EPISODE_STEPS);
    }
}
