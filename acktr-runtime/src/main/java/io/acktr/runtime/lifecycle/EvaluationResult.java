package io.acktr.runtime.lifecycle;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * The raw (unnormalised) return and the length of each evaluation episode, in the order played.
 * Immutable: arrays are copied in and out.
 */
public record EvaluationResult(double[] returns, long[] lengths) {
    public EvaluationResult {
        requireNonNull(returns, "returns is null");
        requireNonNull(lengths, "lengths is null");
        if (returns.length == 0 || returns.length != lengths.length) {
            throw new IllegalArgumentException("returns and lengths must have the same, positive length, got "
                    + returns.length + " and " + lengths.length);
        }
        returns = returns.clone();
        lengths = lengths.clone();
    }

    public int episodes() {
        return returns.length;
    }

    @Override
    public double[] returns() {
        return returns.clone();
    }

    @Override
    public long[] lengths() {
        return lengths.clone();
    }

    public double meanReturn() {
        return Arrays.stream(returns).average().orElseThrow();
    }

    /** The population standard deviation of the returns (0 for one episode), as numpy's {@code std}. */
    public double returnStandardDeviation() {
        double mean = meanReturn();
        return Math.sqrt(Arrays.stream(returns).map(r -> (r - mean) * (r - mean)).sum() / returns.length);
    }

    public double meanLength() {
        return Arrays.stream(lengths).average().orElseThrow();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EvaluationResult other && Arrays.equals(returns, other.returns)
                && Arrays.equals(lengths, other.lengths);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(returns) + Arrays.hashCode(lengths);
    }

    @Override
    public String toString() {
        return "EvaluationResult[returns=" + Arrays.toString(returns) + ", lengths=" + Arrays.toString(lengths) + "]";
    }
}
