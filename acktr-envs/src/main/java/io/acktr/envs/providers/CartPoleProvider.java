package io.acktr.envs.providers;

import io.acktr.envs.classic.CartPole;

/** {@code CartPole-v1} with Gymnasium's 500-step time limit. */
public final class CartPoleProvider extends TimeLimitedProvider {
    public static final int MAX_EPISODE_STEPS = 500;

    public CartPoleProvider() {
        super(CartPole.ID,
                "balance a pole on a cart; Discrete(2) actions, 4 observations, " + MAX_EPISODE_STEPS + " steps",
                MAX_EPISODE_STEPS, CartPole::new);
    }
}
