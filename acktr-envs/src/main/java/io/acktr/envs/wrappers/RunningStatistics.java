package io.acktr.envs.wrappers;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A snapshot of a {@link RunningMeanVariance}: the (possibly fractional) number of samples seen,
 * and the per-element mean and population variance, as in stable-baselines3's
 * {@code RunningMeanStd}. Immutable: arrays are copied in and out.
 *
 * <p>It converts to and from a Typesafe {@link Config} so that a checkpoint can store it as
 * HOCON; {@link #toConfig()} followed by {@code root().render()} and a parse gives back an equal
 * snapshot, since doubles are rendered with all their digits:
 *
 * <pre>{@code
 * { count = 1000.0001, mean = [0.5, -1.25], variance = [2.0, 0.75] }
 * }</pre>
 */
public record RunningStatistics(double count, double[] mean, double[] variance) {
    public RunningStatistics {
        requireNonNull(mean, "mean is null");
        requireNonNull(variance, "variance is null");
        if (!(count >= 0) || !Double.isFinite(count)) {
            throw new IllegalArgumentException("count must be finite and >= 0, got " + count);
        }
        if (mean.length == 0 || mean.length != variance.length) {
            throw new IllegalArgumentException("mean and variance must have the same, positive length, got "
                    + mean.length + " and " + variance.length);
        }
        for (int i = 0; i < mean.length; i++) {
            if (!Double.isFinite(mean[i]) || !Double.isFinite(variance[i]) || variance[i] < 0) {
                throw new IllegalArgumentException("element " + i + " needs a finite mean and a finite variance >= 0, got "
                        + mean[i] + " and " + variance[i]);
            }
        }
        mean = mean.clone();
        variance = variance.clone();
    }

    /**
     * What {@code RunningMeanStd} starts from: a pseudo-count of {@code initialCount} samples of
     * mean 0 and variance 1 (stable-baselines3 uses {@code 1e-4}, so nothing divides by zero).
     */
    public static RunningStatistics initial(int size, double initialCount) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, got " + size);
        }
        double[] ones = new double[size];
        Arrays.fill(ones, 1.0);
        return new RunningStatistics(initialCount, new double[size], ones);
    }

    /**
     * Reads {@code count}, {@code mean} and {@code variance} from {@code config}, as written by
     * {@link #toConfig()}.
     *
     * @throws ConfigException when a key is missing, of the wrong type, or the values are inconsistent
     */
    public static RunningStatistics fromConfig(Config config) {
        requireNonNull(config, "config is null");
        double count = config.getDouble("count");
        double[] mean = config.getDoubleList("mean").stream().mapToDouble(Double::doubleValue).toArray();
        double[] variance = config.getDoubleList("variance").stream().mapToDouble(Double::doubleValue).toArray();
        try {
            return new RunningStatistics(count, mean, variance);
        } catch (IllegalArgumentException e) {
            throw new ConfigException.Generic("invalid running statistics (" + config.origin().description() + "): " + e.getMessage());
        }
    }

    /** {@code { count, mean = [..], variance = [..] }}. */
    public Config toConfig() {
        return ConfigFactory.parseMap(Map.of(
                "count", count,
                "mean", boxed(mean),
                "variance", boxed(variance)), "running statistics");
    }

    /** Number of elements. */
    public int size() {
        return mean.length;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] variance() {
        return variance.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunningStatistics other && Double.compare(count, other.count) == 0
                && Arrays.equals(mean, other.mean) && Arrays.equals(variance, other.variance);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Double.hashCode(count) + Arrays.hashCode(mean)) + Arrays.hashCode(variance);
    }

    @Override
    public String toString() {
        return "RunningStatistics[count=" + count + ", mean=" + Arrays.toString(mean) + ", variance="
                + Arrays.toString(variance) + "]";
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
