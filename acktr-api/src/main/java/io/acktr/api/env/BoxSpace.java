package io.acktr.api.env;

import java.util.Arrays;

/**
 * A box {@code low <= x <= high} of the given shape, stored flat in row-major order. Bounds may
 * be infinite.
 */
public final class BoxSpace implements Space {
    private final double[] low;
    private final double[] high;
    private final int[] shape;

    public BoxSpace(double[] low, double[] high, int[] shape) {
        this.low = low.clone();
        this.high = high.clone();
        this.shape = shape.clone();
        int size = 1;
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException("BoxSpace shape must be positive, got " + Arrays.toString(shape));
            }
            size *= d;
        }
        if (low.length != size || high.length != size) {
            throw new IllegalArgumentException("BoxSpace bounds must have " + size + " elements for shape "
                    + Arrays.toString(shape) + ", got " + low.length + " and " + high.length);
        }
        for (int i = 0; i < size; i++) {
            if (!(low[i] <= high[i])) {
                throw new IllegalArgumentException("BoxSpace low[" + i + "] = " + low[i] + " > high[" + i + "] = " + high[i]);
            }
        }
    }

    /** A box of the given shape with the same bounds everywhere. */
    public static BoxSpace uniform(double low, double high, int... shape) {
        int size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        double[] lo = new double[size];
        double[] hi = new double[size];
        Arrays.fill(lo, low);
        Arrays.fill(hi, high);
        return new BoxSpace(lo, hi, shape);
    }

    public double[] low() {
        return low.clone();
    }

    public double[] high() {
        return high.clone();
    }

    public double low(int i) {
        return low[i];
    }

    public double high(int i) {
        return high[i];
    }

    public int[] shape() {
        return shape.clone();
    }

    @Override
    public int flatSize() {
        return low.length;
    }

    @Override
    public boolean contains(double[] value) {
        if (value == null || value.length != low.length) {
            return false;
        }
        for (int i = 0; i < value.length; i++) {
            if (!(value[i] >= low[i] && value[i] <= high[i])) {
                return false;
            }
        }
        return true;
    }

    /** Checks the length and finiteness of an action; bounds are the environment's to clip. */
    public double[] checkAction(double[] action, String environmentId) {
        if (action == null || action.length != low.length) {
            throw new InvalidActionException(environmentId, action, this);
        }
        for (double v : action) {
            if (!Double.isFinite(v)) {
                throw new InvalidActionException(environmentId, action, this);
            }
        }
        return action;
    }

    @Override
    public String describe() {
        boolean uniform = Arrays.stream(low).allMatch(v -> v == low[0]) && Arrays.stream(high).allMatch(v -> v == high[0]);
        String bounds = uniform ? low[0] + ", " + high[0] : Arrays.toString(low) + ", " + Arrays.toString(high);
        return "Box(" + bounds + ", " + Arrays.toString(shape) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BoxSpace other && Arrays.equals(low, other.low) && Arrays.equals(high, other.high)
                && Arrays.equals(shape, other.shape);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(low) + Arrays.hashCode(high)) + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return describe();
    }
}
