package io.acktr.envs.providers;

import io.acktr.envs.classic.MountainCarContinuous;

/** {@code MountainCarContinuous-v0} with Gymnasium's 999-step time limit. */
public final class MountainCarContinuousProvider extends TimeLimitedProvider {
    public static final int MAX_EPISODE_STEPS = 999;

    public MountainCarContinuousProvider() {
        super(MountainCarContinuous.ID,
                "rock an underpowered car up a hill; Box(-1.0, 1.0, [1]) force, 2 observations, " + MAX_EPISODE_STEPS + " steps",
                MAX_EPISODE_STEPS, MountainCarContinuous::new);
    }
}
