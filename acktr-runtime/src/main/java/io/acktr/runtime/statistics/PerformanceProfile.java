package io.acktr.runtime.statistics;

import java.util.List;

/**
 * A score distribution, or performance profile (Agarwal et al. 2021, section 4.1): for each
 * threshold tau, the fraction of runs whose normalised score is above tau, each task weighing the
 * same whatever its number of runs:
 *
 * <pre>
 *   F(tau) = 1 / M sum_m 1 / N_m sum_n [x_mn > tau]
 * </pre>
 *
 * A curve above another everywhere is stochastically dominant.
 */
public final class PerformanceProfile {
    private PerformanceProfile() {
    }

    /** F(tau) over tasks: {@code scores.get(m)} are the normalised scores of the runs on task m. */
    public static double fractionAbove(List<double[]> scores, double tau) {
        if (scores.isEmpty() || scores.stream().anyMatch(s -> s.length == 0)) {
            throw new IllegalArgumentException("a performance profile needs at least one run on every task");
        }
        double sum = 0;
        for (double[] task : scores) {
            int above = 0;
            for (double x : task) {
                if (x > tau) {
                    above++;
                }
            }
            sum += above / (double) task.length;
        }
        return sum / scores.size();
    }

    /** Evenly spaced thresholds from {@code from} to {@code to}, both included. */
    public static double[] grid(double from, double to, int points) {
        if (points < 2 || !(to > from)) {
            throw new IllegalArgumentException("a grid needs from < to and at least 2 points: " + from + ", " + to + ", " + points);
        }
        double[] taus = new double[points];
        for (int i = 0; i < points; i++) {
            taus[i] = from + (to - from) * i / (points - 1);
        }
        return taus;
    }
}
