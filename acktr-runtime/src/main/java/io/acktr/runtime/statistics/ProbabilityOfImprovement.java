package io.acktr.runtime.statistics;

import java.util.List;

/**
 * The probability of improvement of X over Y (Agarwal et al. 2021, section 4.3): the probability
 * that a run of X scores higher than a run of Y on the same task, i.e. the Mann-Whitney U statistic
 * over all pairs of runs divided by their number, a tie counting one half:
 *
 * <pre>
 *   P(X_m > Y_m) = 1 / (N K) sum_i sum_j S(x_mi, y_mj),   S(x, y) = 1 if x > y, 1/2 if x = y, 0 if x < y
 *   P(X > Y)     = 1 / M sum_m P(X_m > Y_m)              (averaged over the M tasks)
 * </pre>
 *
 * 0.5 means neither is better; it says how often, not by how much.
 */
public final class ProbabilityOfImprovement {
    private ProbabilityOfImprovement() {
    }

    /** P(X > Y) on one task, from the runs of each (neither empty; infinities compare as usual). */
    public static double of(double[] x, double[] y) {
        if (x.length == 0 || y.length == 0) {
            throw new IllegalArgumentException("the probability of improvement needs runs of both");
        }
        double wins = 0;
        for (double a : x) {
            for (double b : y) {
                if (Double.isNaN(a) || Double.isNaN(b)) {
                    throw new IllegalArgumentException("the probability of improvement is undefined with NaN");
                }
                wins += a > b ? 1 : a == b ? 0.5 : 0;
            }
        }
        return wins / ((double) x.length * y.length);
    }

    /** P(X > Y) averaged over tasks: {@code x.get(m)} and {@code y.get(m)} are the runs on task m. */
    public static double averaged(List<double[]> x, List<double[]> y) {
        if (x.size() != y.size() || x.isEmpty()) {
            throw new IllegalArgumentException("X and Y need runs on the same tasks, at least one: " + x.size() + " vs " + y.size());
        }
        double sum = 0;
        for (int m = 0; m < x.size(); m++) {
            sum += of(x.get(m), y.get(m));
        }
        return sum / x.size();
    }

    /**
     * The strata of a bootstrap over both: X's runs on task 1, Y's on task 1, X's on task 2, ...
     * Read back with {@link #averagedOverInterleaved(List)}.
     */
    public static List<double[]> interleave(List<double[]> x, List<double[]> y) {
        if (x.size() != y.size()) {
            throw new IllegalArgumentException("X and Y need runs on the same tasks: " + x.size() + " vs " + y.size());
        }
        java.util.ArrayList<double[]> strata = new java.util.ArrayList<>();
        for (int m = 0; m < x.size(); m++) {
            strata.add(x.get(m));
            strata.add(y.get(m));
        }
        return strata;
    }

    /** {@link #averaged(List, List)} of strata laid out by {@link #interleave(List, List)}. */
    public static double averagedOverInterleaved(List<double[]> strata) {
        double sum = 0;
        for (int m = 0; m < strata.size() / 2; m++) {
            sum += of(strata.get(2 * m), strata.get(2 * m + 1));
        }
        return sum / (strata.size() / 2);
    }
}
