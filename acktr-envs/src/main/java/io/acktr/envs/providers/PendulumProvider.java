package io.acktr.envs.providers;

import io.acktr.envs.classic.Pendulum;

/** {@code Pendulum-v1} with Gymnasium's 200-step time limit. */
public final class PendulumProvider extends TimeLimitedProvider {
    public static final int MAX_EPISODE_STEPS = 200;

    public PendulumProvider() {
        super(Pendulum.ID,
                "swing a pendulum upright; Box(-2.0, 2.0, [1]) torque, 3 observations, " + MAX_EPISODE_STEPS + " steps",
                MAX_EPISODE_STEPS, Pendulum::new);
    }
}
