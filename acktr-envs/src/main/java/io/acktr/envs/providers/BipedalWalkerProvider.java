package io.acktr.envs.providers;

import io.acktr.envs.box2d.BipedalWalker;

/** {@code BipedalWalker-v3} (normal terrain) with Gymnasium's 1600-step time limit. */
public final class BipedalWalkerProvider extends TimeLimitedProvider {
    public static final int MAX_EPISODE_STEPS = 1600;

    public BipedalWalkerProvider() {
        super(BipedalWalker.ID,
                "walk a Box2D biped across rolling grass; Box(-1.0, 1.0, [4]) joint motors, "
                + "24 observations with 10 lidar rays, " + MAX_EPISODE_STEPS + " steps",
                MAX_EPISODE_STEPS, BipedalWalker::new);
    }
}
