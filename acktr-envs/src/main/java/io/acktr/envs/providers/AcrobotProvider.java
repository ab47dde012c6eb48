package io.acktr.envs.providers;

import io.acktr.envs.classic.Acrobot;

/** {@code Acrobot-v1} with Gymnasium's 500-step time limit. */
public final class AcrobotProvider extends TimeLimitedProvider {
    public static final int MAX_EPISODE_STEPS = 500;

    public AcrobotProvider() {
        super(Acrobot.ID,
                "swing a two-link arm's tip above a line; Discrete(3) torques, 6 observations, " + MAX_EPISODE_STEPS + " steps",
                MAX_EPISODE_STEPS, Acrobot::new);
    }
}
