package io.acktr.api.env;

/** The integers {@code 0 .. n-1}; a value is a one-element array holding the index. */
public record DiscreteSpace(int n) implements Space {
    public DiscreteSpace {
        if (n < 1) {
            throw new IllegalArgumentException("DiscreteSpace needs n >= 1, got " + n);
        }
    }

    @Override
    public int flatSize() {
        return 1;
    }

    @Override
    public boolean contains(double[] value) {
        if (value == null || value.length != 1) {
            return false;
        }
        double v = value[0];
        return v == Math.rint(v) && v >= 0 && v < n;
    }

    /**
     * The index held by {@code action}, or an {@link InvalidActionException} naming the
     * environment when it is not a member of this space.
     */
    public int index(double[] action, String environmentId) {
        if (!contains(action)) {
            throw new InvalidActionException(environmentId, action, this);
        }
        return (int) action[0];
    }

    @Override
    public String describe() {
        return "Discrete(" + n + ")";
    }
}
