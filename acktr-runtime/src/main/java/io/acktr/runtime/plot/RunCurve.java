package io.acktr.runtime.plot;

import static java.util.Objects.requireNonNull;

/** One run's curve: finite points with x not decreasing. */
public record RunCurve(String label, double[] x, double[] y) {
    public RunCurve {
        requireNonNull(label, "label is null");
        if (x.length != y.length) {
            throw new IllegalArgumentException(label + ": " + x.length + " x values but " + y.length + " y values");
        }
        for (int i = 1; i < x.length; i++) {
            if (x[i] < x[i - 1]) {
                throw new IllegalArgumentException(label + ": x decreases at point " + i + " (" + x[i - 1] + " then " + x[i] + ")");
            }
        }
    }

    /** y at {@code at}, interpolated linearly between the two nearest points; {@code at} within [x0, xn]. */
    public double valueAt(double at) {
        int low = 0;
        int high = x.length - 1;
        if (at <= x[0]) {
            return y[0];
        }
        if (at >= x[high]) {
            return y[high];
        }
        while (high - low > 1) {
            int middle = (low + high) >>> 1;
            if (x[middle] <= at) {
                low = middle;
            } else {
                high = middle;
            }
        }
        if (x[high] == x[low]) {
            return y[high];
        }
        return y[low] + (y[high] - y[low]) * (at - x[low]) / (x[high] - x[low]);
    }
}
