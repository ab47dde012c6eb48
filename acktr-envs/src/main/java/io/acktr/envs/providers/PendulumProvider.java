package io.acktr.envs.providers;

import io.acktr.api.env.Environment;
import io.acktr.api.env.EnvironmentProvider;
import io.acktr.envs.classic.Pendulum;
import io.acktr.envs.wrappers.TimeLimit;

/** {@code Pendulum-v1} with Gymnasium's 200-step time limit. */
public final class PendulumProvider implements EnvironmentProvider {
    public static final int MAX_EPISODE_STEPS = 200;

    @Override
    public String id() {
        return Pendulum.ID;
    }

    @Override
    public String description() {
        return "swing a pendulum upright; Box(-2.0, 2.0, [1]) torque, 3 observations, " + MAX_EPISODE_STEPS + " steps";
    }

    @Override
    public Environment create() {
        return new TimeLimit(new Pendulum(), MAX_EPISODE_STEPS);
    }
}
