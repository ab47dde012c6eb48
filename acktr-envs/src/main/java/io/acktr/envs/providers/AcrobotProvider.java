package io.acktr.envs.providers;

import io.acktr.api.env.Environment;
import io.acktr.api.env.EnvironmentProvider;
import io.acktr.envs.classic.Acrobot;
import io.acktr.envs.wrappers.TimeLimit;

/** {@code Acrobot-v1} with Gymnasium's 500-step time limit. */
public final class AcrobotProvider implements EnvironmentProvider {
    public static final int MAX_EPISODE_STEPS = 500;

    @Override
    public String id() {
        return Acrobot.ID;
    }

    @Override
    public String description() {
        return "swing a two-link arm's tip above a line; Discrete(3) torques, 6 observations, " + MAX_EPISODE_STEPS + " steps";
    }

    @Override
    public Environment create() {
        return new TimeLimit(new Acrobot(), MAX_EPISODE_STEPS);
    }
}
