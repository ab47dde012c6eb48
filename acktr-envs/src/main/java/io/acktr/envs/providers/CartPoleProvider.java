package io.acktr.envs.providers;

import io.acktr.api.env.Environment;
import io.acktr.api.env.EnvironmentProvider;
import io.acktr.envs.classic.CartPole;
import io.acktr.envs.wrappers.TimeLimit;

/** {@code CartPole-v1} with Gymnasium's 500-step time limit. */
public final class CartPoleProvider implements EnvironmentProvider {
    public static final int MAX_EPISODE_STEPS = 500;

    @Override
    public String id() {
        return CartPole.ID;
    }

    @Override
    public String description() {
        return "balance a pole on a cart; Discrete(2) actions, 4 observations, " + MAX_EPISODE_STEPS + " steps";
    }

    @Override
    public Environment create() {
        return new TimeLimit(new CartPole(), MAX_EPISODE_STEPS);
    }
}
