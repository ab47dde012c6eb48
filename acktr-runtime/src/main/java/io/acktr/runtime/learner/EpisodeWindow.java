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

    /** How many returns the mean takes: the last {@code capacity}. */
    int capacity() {
        return returns.length;
    }

    long count() {
        return count;
    }

    /** The ring of returns as it is, and the count. */
    io.acktr.api.state.SavedState save() {
        return io.acktr.api.state.SavedState.empty().with("returns", returns).with("count", count);
    }

    void restore(io.acktr.api.state.SavedState state) {
        double[] saved = state.doubles("returns");
        if (saved.length != returns.length) {
            throw new IllegalArgumentException("the episode window holds " + saved.length + " returns, expected " + returns.length);
        }
        System.arraycopy(saved, 0, returns, 0, returns.length);
        count = state.whole("count");
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
