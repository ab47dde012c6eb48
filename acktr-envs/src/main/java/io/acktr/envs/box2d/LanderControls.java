package io.acktr.envs.box2d;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.Space;

/**
 * The two ways of commanding the lunar lander's engines, as in Gymnasium's {@code continuous}
 * flag: four discrete actions, or two throttles in {@code [-1, 1]}.
 */
enum LanderControls {
    /** 0 does nothing, 1 fires the left orientation engine, 2 the main engine, 3 the right orientation engine. */
    DISCRETE(new DiscreteSpace(4)) {
        @Override
        EngineThrottle throttle(double[] action, String environmentId) {
            int index = ((DiscreteSpace) space()).index(action, environmentId);
            return switch (index) {
                case 1, 3 -> new EngineThrottle(0, 1, index - 2);
                case 2 -> new EngineThrottle(1, 0, 0);
                default -> EngineThrottle.IDLE;
            };
        }
    },
    /**
     * {@code [main, lateral]}, each clipped to {@code [-1, 1]}. The main engine is off for
     * {@code main <= 0} and runs at {@code (main + 1) / 2} above; the orientation engines are off
     * for {@code |lateral| <= 0.5}, fire left below {@code -0.5} and right above {@code 0.5}, at
     * power {@code |lateral|}.
     */
    CONTINUOUS(BoxSpace.uniform(-1, 1, 2)) {
        @Override
        EngineThrottle throttle(double[] action, String environmentId) {
            ((BoxSpace) space()).checkAction(action, environmentId);
            double main = clip(action[0], -1, 1);
            double lateral = clip(action[1], -1, 1);
            double mainPower = main > 0 ? (clip(main, 0, 1) + 1) * 0.5 : 0;
            if (Math.abs(lateral) > 0.5) {
                return new EngineThrottle(mainPower, clip(Math.abs(lateral), 0.5, 1), (int) Math.signum(lateral));
            }
            return new EngineThrottle(mainPower, 0, 0);
        }
    };

    private final Space space;

    LanderControls(Space space) {
        this.space = space;
    }

    Space space() {
        return space;
    }

    /**
     * The engine powers {@code action} asks for, or an
     * {@link io.acktr.api.env.InvalidActionException} naming the environment.
     */
    abstract EngineThrottle throttle(double[] action, String environmentId);

    private static double clip(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
