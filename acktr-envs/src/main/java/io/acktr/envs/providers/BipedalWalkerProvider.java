package io.acktr.envs.providers;

import io.acktr.api.env.Environment;
import io.acktr.api.env.EnvironmentProvider;
import io.acktr.envs.box2d.BipedalWalker;
import io.acktr.envs.wrappers.TimeLimit;

/** {@code BipedalWalker-v3} (normal terrain) with Gymnasium's 1600-step time limit. */
public final class BipedalWalkerProvider implements EnvironmentProvider {
    public static final int MAX_EPISODE_STEPS = 1600;

    @Override
    public String id() {
        return BipedalWalker.ID;
    }

    @Override
    public String description() {
        return "walk a Box2D biped across rolling grass; Box(-1.0, 1.0, [4]) joint motors, 24 observations with 10 lidar rays, "
                + MAX_EPISODE_STEPS + " steps";
    }

    @Override
    public Environment create() {
        return new TimeLimit(new BipedalWalker(), MAX_EPISODE_STEPS);
    }
}
