package io.acktr.envs.minatar;

/**
 * The six actions every game accepts; the index of a constant is the discrete action that selects
 * it (no-op, left, up, right, down, fire, the action set of the MinAtar testbed). Actions a game has
 * no use for (for example {@link #FIRE} in Breakout) do nothing.
 */
public enum MinAtarAction {
    NOOP, LEFT, UP, RIGHT, DOWN, FIRE;

    private static final MinAtarAction[] VALUES = values();

    /** The action with discrete index {@code index}, {@code 0 <= index < 6}. */
    public static MinAtarAction of(int index) {
        return VALUES[index];
    }

    /** The discrete action (a one-element array holding the index) that selects this action. */
    public double[] asDiscrete() {
        return new double[] {ordinal()};
    }
}
