package io.acktr.envs.providers;

import io.acktr.api.env.Environment;
import io.acktr.api.env.EnvironmentProvider;
import io.acktr.envs.box2d.LunarLander;
import io.acktr.envs.wrappers.TimeLimit;

/** {@code LunarLander-v2} (discrete engines) with Gymnasium's 1000-step time limit. */
public final class LunarLanderProvider implements EnvironmentProvider {
    public static final int MAX_EPISODE_STEPS = 1000;

    @Override
    public String id() {
        return LunarLander.ID;
    }

    @Override
    public String description() {
        return "land a Box2D lander on the pad; Discrete(4) engines, 8 observations, " + MAX_EPISODE_STEPS + " steps";
    }

    @Override
    public Environment create() {
        return new TimeLimit(LunarLander.discrete(), MAX_EPISODE_STEPS);
    }
}
