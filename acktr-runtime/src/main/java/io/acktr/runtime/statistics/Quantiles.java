package io.acktr.runtime.statistics;

/** Quantiles of samples. */
public final class Quantiles {
    private Quantiles() {
    }

    /**
     * The {@code p}-quantile of ascending values, interpolating linearly between the two nearest
     * (Hyndman and Fan's type 7, numpy's default): position {@code p (n - 1)} counted from 0.
     */
    public static double ofSorted(double[] sorted, double p) {
        if (sorted.length == 0 || !(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("a quantile needs values and p in [0, 1], got " + sorted.length + " values, p = " + p);
        }
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = position - below;
        if (fraction == 0 || sorted[below] == sorted[above]) {
            return sorted[below];
        }
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
