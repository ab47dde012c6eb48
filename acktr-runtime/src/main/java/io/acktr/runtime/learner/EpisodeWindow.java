package io.acktr.runtime.learner;

/** The returns of the last {@code capacity} finished episodes, for the "mean return" metric. */
final class EpisodeWindow {
    private final double[] returns;
    private long count;

    EpisodeWindow(int capacity) {
        this.returns = new double[capacity];
    }

    void add(double episodeReturn) {
        returns[(int) (count % returns.length)] = episodeReturn;
        count++;
    }

    long count() {
        return count;
    }

    /** Mean of the window, NaN before the first episode. */
    double mean() {
        int n = (int) Math.min(count, returns.length);
        if (n == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += returns[i];
        }
        return sum / n;
    }
}
