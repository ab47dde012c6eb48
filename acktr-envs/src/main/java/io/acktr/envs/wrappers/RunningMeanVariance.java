package io.acktr.envs.wrappers;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * stable-baselines3's {@code RunningMeanStd}: a per-element running mean and population variance,
 * merged batch by batch with the parallel algorithm of Chan et al. (Welford's update for a batch of
 * one), so the result equals the mean and variance over every sample seen, plus the initial
 * pseudo-count. One instance may be shared by several wrappers (SB3 keeps one per
 * {@code VecNormalize}); it is not thread-safe, so the environments sharing it must be stepped
 * on one thread, as {@link io.acktr.envs.vector.SyncVectorEnvironment} does.
 */
public final class RunningMeanVariance {
    /** stable-baselines3's pseudo-count, so that the first update never divides by zero. */
    public static final double INITIAL_COUNT = 1e-4;

    private final double[] mean;
    private final double[] variance;
    private double count;
    /** Samples {@link #update(double[])} kept instead of adding them, when deferred; else null. */
    private final List<double[]> pending;

    /** Starts at mean 0, variance 1, with a pseudo-count of {@link #INITIAL_COUNT}. */
    public RunningMeanVariance(int size) {
        this(RunningStatistics.initial(size, INITIAL_COUNT));
    }

    /** Continues from a snapshot. */
    public RunningMeanVariance(RunningStatistics start) {
        this(start, false);
    }

    private RunningMeanVariance(RunningStatistics start, boolean deferred) {
        requireNonNull(start, "start is null");
        this.mean = start.mean();
        this.variance = start.variance();
        this.count = start.count();
        this.pending = deferred ? new ArrayList<>() : null;
    }

    /**
     * Statistics that stay as {@code start} (or as {@link #restore} sets them) while
     * {@link #update(double[])} keeps each sample, in order, for {@link #drainPending()}: a rollout
     * worker normalises with frozen statistics and hands its samples to whoever owns the real ones,
     * who adds them in an order that does not depend on how environments were split among workers.
     */
    public static RunningMeanVariance deferred(RunningStatistics start) {
        return new RunningMeanVariance(start, true);
    }

    /** Whether {@link #update(double[])} keeps samples instead of adding them. */
    public boolean isDeferred() {
        return pending != null;
    }

    /** The samples kept since the last call, oldest first; empty unless {@link #isDeferred()}. */
    public List<double[]> drainPending() {
        if (pending == null) {
            return List.of();
        }
        List<double[]> drained = List.copyOf(pending);
        pending.clear();
        return drained;
    }

    public int size() {
        return mean.length;
    }

    /** Adds one sample (keeps a copy of it when {@link #deferred}). */
    public void update(double[] sample) {
        checkSize(sample, "sample");
        if (pending != null) {
            pending.add(sample.clone());
            return;
        }
        double total = count + 1;
        for (int i = 0; i < mean.length; i++) {
            double delta = sample[i] - mean[i];
            mean[i] += delta / total;
            variance[i] = (variance[i] * count + delta * delta * count / total) / total;
        }
        count = total;
    }

    /** Adds a batch of {@code batchCount} samples with the given per-element mean and population variance. */
    public void update(double[] batchMean, double[] batchVariance, double batchCount) {
        checkSize(batchMean, "batchMean");
        checkSize(batchVariance, "batchVariance");
        if (!(batchCount > 0)) {
            throw new IllegalArgumentException("batchCount must be > 0, got " + batchCount);
        }
        double total = count + batchCount;
        for (int i = 0; i < mean.length; i++) {
            double delta = batchMean[i] - mean[i];
            double m2 = variance[i] * count + batchVariance[i] * batchCount + delta * delta * count * batchCount / total;
            mean[i] += delta * batchCount / total;
            variance[i] = m2 / total;
        }
        count = total;
    }

    /**
     * {@code clip((x - mean) / sqrt(variance + epsilon), -clip, clip)} per element, into a fresh
     * array, as {@code VecNormalize.normalize_obs}.
     */
    public double[] normalize(double[] x, double epsilon, double clip) {
        checkSize(x, "x");
        double[] result = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            result[i] = clamp((x[i] - mean[i]) / Math.sqrt(variance[i] + epsilon), clip);
        }
        return result;
    }

    /** {@code clip(x / sqrt(variance[0] + epsilon), -clip, clip)}, as {@code VecNormalize.normalize_reward}. */
    public double scale(double x, double epsilon, double clip) {
        return clamp(x / Math.sqrt(variance[0] + epsilon), clip);
    }

    public RunningStatistics snapshot() {
        return new RunningStatistics(count, mean, variance);
    }

    /** Replaces the statistics with {@code snapshot}, which must have this size. */
    public void restore(RunningStatistics snapshot) {
        requireNonNull(snapshot, "snapshot is null");
        if (snapshot.size() != mean.length) {
            throw new IllegalArgumentException("cannot restore statistics of size " + snapshot.size() + " into statistics of size "
                    + mean.length);
        }
        System.arraycopy(snapshot.mean(), 0, mean, 0, mean.length);
        System.arraycopy(snapshot.variance(), 0, variance, 0, variance.length);
        count = snapshot.count();
    }

    private static double clamp(double value, double clip) {
        return Math.max(-clip, Math.min(clip, value));
    }

    private void checkSize(double[] values, String name) {
        requireNonNull(values, name + " is null");
        if (values.length != mean.length) {
            throw new IllegalArgumentException(name + " has " + values.length + " elements, the statistics " + mean.length);
        }
    }
}
