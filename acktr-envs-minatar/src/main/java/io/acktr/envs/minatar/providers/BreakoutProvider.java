package io.acktr.envs.minatar.providers;

import io.acktr.envs.minatar.Breakout;

/**
 * {@code MinAtar/Breakout-v0}: {@link Breakout} with all six actions, sticky actions with
 * probability 0.1 and no time limit (the game has no difficulty ramp).
 */
public final class BreakoutProvider extends MinAtarProvider {
    public BreakoutProvider() {
        super(Breakout.ID,
                "MinAtar: bounce a ball into three rows of bricks; Discrete(6) actions, 10x10x4 binary observations",
                Breakout::new);
    }
}
