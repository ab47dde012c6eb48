package io.acktr.envs.providers;

import io.acktr.envs.classic.MountainCar;

/** {@code MountainCar-v0} with Gymnasium's 200-step time limit. */
public final class MountainCarProvider extends TimeLimitedProvider {
    public static final int MAX_EPISODE_STEPS = 200;

    public MountainCarProvider() {
        super(MountainCar.ID,
                "rock an underpowered car up a hill; Discrete(3) pushes, 2 observations, " + MAX_EPISODE_STEPS + " steps",
                MAX_EPISODE_STEPS, MountainCar::new);
    }
}
