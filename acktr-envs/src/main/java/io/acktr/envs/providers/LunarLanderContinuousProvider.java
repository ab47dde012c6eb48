package io.acktr.envs.providers;

import io.acktr.envs.box2d.LunarLander;

/** {@code LunarLanderContinuous-v2} (engine throttles) with Gymnasium's 1000-step time limit. */
public final class LunarLanderContinuousProvider extends TimeLimitedProvider {
    public static final int MAX_EPISODE_STEPS = 1000;

    public LunarLanderContinuousProvider() {
        super(LunarLander.CONTINUOUS_ID,
                "land a Box2D lander on the pad; Box(-1.0, 1.0, [2]) main and lateral throttles, 8 observations, "
                + MAX_EPISODE_STEPS + " steps",
                MAX_EPISODE_STEPS, LunarLander::continuous);
    }
}
