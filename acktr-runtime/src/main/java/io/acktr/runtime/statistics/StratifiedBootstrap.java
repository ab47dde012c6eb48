package io.acktr.runtime.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Percentile confidence intervals from a stratified bootstrap (Agarwal et al. 2021, section 4.1,
 * after Efron and Tibshirani 1993): each resample draws, within every stratum (e.g. the runs of one
 * task, or of one variant on one task), as many values as the stratum holds, uniformly with
 * replacement; the statistic of each resample is computed, and the interval runs from the
 * {@code (1 - level) / 2} to the {@code (1 + level) / 2} quantile of those statistics
 * ({@link Quantiles#ofSorted}).
 *
 * <p>Stratifying keeps every task's share of the runs fixed, so that a hard task cannot drop out
 * of a resample. The random generator restarts from {@code seed} for every interval, so the same
 * runs always give the same interval.
 */
public final class StratifiedBootstrap {
    private final int resamples;
    private final long seed;
    private final double level;

    /**
     * @param resamples how many resamples an interval is drawn from, at least 1
     * @param seed seeds the draws of every interval
     * @param level the interval's confidence level in (0, 1), e.g. 0.95
     */
    public StratifiedBootstrap(int resamples, long seed, double level) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples = " + resamples + ": must be >= 1");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level = " + level + ": must be in (0, 1)");
        }
        this.resamples = resamples;
        this.seed = seed;
        this.level = level;
    }

    public int resamples() {
        return resamples;
    }

    public long seed() {
        return seed;
    }

    public double level() {
        return level;
    }

    /**
     * The statistic of {@code strata} with its bootstrap interval.
     *
     * @param strata groups of values resampled independently, none empty
     * @param statistic computed once on the strata as they are (the estimate) and once per resample
     */
    public Interval interval(List<double[]> strata, ToDoubleFunction<List<double[]>> statistic) {
        if (strata.isEmpty() || strata.stream().anyMatch(s -> s.length == 0)) {
            throw new IllegalArgumentException("every stratum needs at least one value");
        }
        double estimate = statistic.applyAsDouble(strata);
        SplittableRandom random = new SplittableRandom(seed);
        double[] statistics = new double[resamples];
        List<double[]> resampled = new ArrayList<>(strata.size());
        for (double[] stratum : strata) {
            resampled.add(new double[stratum.length]);
        }
        for (int b = 0; b < resamples; b++) {
            for (int s = 0; s < strata.size(); s++) {
                double[] from = strata.get(s);
                double[] to = resampled.get(s);
                for (int i = 0; i < to.length; i++) {
                    to[i] = from[random.nextInt(from.length)];
                }
            }
            statistics[b] = statistic.applyAsDouble(resampled);
        }
        Arrays.sort(statistics);
        double lower = Quantiles.ofSorted(statistics, (1 - level) / 2);
        double upper = Quantiles.ofSorted(statistics, (1 + level) / 2);
        // the estimate of a skewed statistic can fall outside its percentile interval; keep it a bound
        return new Interval(estimate, Math.min(lower, estimate), Math.max(upper, estimate));
    }

    /** {@link #interval(List, ToDoubleFunction)} of one stratum. */
    public Interval interval(double[] values, ToDoubleFunction<double[]> statistic) {
        return interval(List.of(values), strata -> statistic.applyAsDouble(strata.get(0)));
    }
}
