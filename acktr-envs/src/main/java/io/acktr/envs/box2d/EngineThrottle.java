package io.acktr.envs.box2d;

/**
 * How hard the lander's engines fire during one step.
 *
 * @param main main-engine power: 0 (off) or between 0.5 and 1
 * @param side orientation-engine power: 0 (off) or between 0.5 and 1
 * @param direction -1 fires the left orientation engine (pushing the lander's nose right,
 *     Gymnasium's action 1), +1 the right one (action 3), 0 when {@code side} is 0
 */
record EngineThrottle(double main, double side, int direction) {
    static final EngineThrottle IDLE = new EngineThrottle(0, 0, 0);

    EngineThrottle {
        if (main != 0 && !(main >= 0.5 && main <= 1)) {
            throw new IllegalArgumentException("main-engine power must be 0 or in [0.5, 1], got " + main);
        }
        if (side != 0 && !(side >= 0.5 && side <= 1)) {
            throw new IllegalArgumentException("side-engine power must be 0 or in [0.5, 1], got " + side);
        }
        if (direction < -1 || direction > 1 || (direction == 0) != (side == 0)) {
            throw new IllegalArgumentException("direction must be -1 or +1 when a side engine fires and 0 otherwise, got "
                    + direction + " with side power " + side);
        }
    }
}
