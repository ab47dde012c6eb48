package io.acktr.runtime.statistics;

/**
 * A point estimate with a confidence interval around it. Any of the three may be infinite (e.g.
 * steps to a threshold that some runs never reached).
 */
public record Interval(double estimate, double lower, double upper) {
    public Interval {
        if (Double.isNaN(estimate) || Double.isNaN(lower) || Double.isNaN(upper)) {
            throw new IllegalArgumentException("an interval has no NaN: " + estimate + " [" + lower + ", " + upper + "]");
        }
        if (lower > upper) {
            throw new IllegalArgumentException("lower bound " + lower + " above upper bound " + upper);
        }
    }
}
