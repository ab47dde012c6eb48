package io.acktr.runtime.statistics;

import java.util.Arrays;

/**
 * The interquartile mean (IQM): the mean of the middle half of the values, the 25% lowest and the
 * 25% highest left out (Agarwal et al. 2021, section 4.2). It is robust to a few outlying runs,
 * unlike the mean, and uses half of the runs, unlike the median.
 *
 * <p>Here the middle half is exactly the middle half of the empirical distribution, each of the
 * {@code n} sorted values holding a mass of {@code 1/n}: a value straddling the 25th or 75th
 * percentile counts with the part of its mass inside. So
 *
 * <pre>
 *   IQM = 2 * sum_i w_i x_(i),   w_i = |[(i-1)/n, i/n] ∩ [1/4, 3/4]|
 * </pre>
 *
 * When {@code n} is a multiple of 4 this is the plain mean of the middle {@code n/2} values (what
 * {@code scipy.stats.trim_mean(x, 0.25)} gives); for other {@code n} the trimmed mean drops
 * {@code floor(n/4)} whole values at each end instead, e.g. it is the mean of all three values
 * when {@code n = 3}, where this IQM is {@code x(1)/6 + 2 x(2)/3 + x(3)/6}.
 *
 * <p>Values may be {@code +-Infinity}: the IQM is infinite when an infinite value carries weight.
 */
public final class InterquartileMean {
    private InterquartileMean() {
    }

    /** The IQM of {@code values}, which must not be empty nor contain NaN. */
    public static double of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the interquartile mean of no values is undefined");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (Double.isNaN(sorted[sorted.length - 1])) {
            throw new IllegalArgumentException("the interquartile mean is undefined with NaN: " + Arrays.toString(values));
        }
        return ofSorted(sorted);
    }

    /** The IQM of values already in ascending order. */
    static double ofSorted(double[] sorted) {
        int n = sorted.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            // the i-th value's mass is [i/n, (i+1)/n]; its weight is the part inside [1/4, 3/4]
            double weight = Math.min(i + 1, 0.75 * n) - Math.max(i, 0.25 * n);
            if (weight > 0) {
                sum += weight * sorted[i];
            }
        }
        return sum / (0.5 * n);
    }
}
