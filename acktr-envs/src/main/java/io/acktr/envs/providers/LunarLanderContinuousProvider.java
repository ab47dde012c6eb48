package io.acktr.envs.providers;

import io.acktr.api.env.Environment;
import io.acktr.api.env.EnvironmentProvider;
import io.acktr.envs.box2d.LunarLander;
import io.acktr.envs.wrappers.TimeLimit;

/** {@code LunarLanderContinuous-v2} (engine throttles) with Gymnasium's 1000-step time limit. */
public final class LunarLanderContinuousProvider implements EnvironmentProvider {
    public static final int MAX_EPISODE_STEPS = 1000;

    @Override
    public String id() {
        return LunarLander.CONTINUOUS_ID;
    }

    @Override
    public String description() {
        return "land a Box2D lander on the pad; Box(-1.0, 1.0, [2]) main and lateral throttles, 8 observations, "
                + MAX_EPISODE_STEPS + " steps";
    }

    @Override
    public Environment create() {
        return new TimeLimit(LunarLander.continuous(), MAX_EPISODE_STEPS);
    }
}
