package io.acktr.envs.providers;

import io.acktr.envs.box2d.LunarLander;

/** {@code LunarLander-v2} (discrete engines) with Gymnasium's 1000-step time limit. */
public final class LunarLanderProvider extends TimeLimitedProvider {
    public static final int MAX_EPISODE_STEPS = 1000;

    public LunarLanderProvider() {
        super(LunarLander.ID,
                "land a Box2D lander on the pad; Discrete(4) engines, 8 observations, " + MAX_EPISODE_STEPS + " steps",
                MAX_EPISODE_STEPS, LunarLander::discrete);
    }
}
