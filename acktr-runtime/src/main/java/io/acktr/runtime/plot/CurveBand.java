package io.acktr.runtime.plot;

import io.acktr.runtime.statistics.InterquartileMean;
import io.acktr.runtime.statistics.Interval;
import io.acktr.runtime.statistics.StratifiedBootstrap;
import java.util.List;
import java.util.TreeSet;

/**
 * Several runs of one variant as one curve: at each x, the interquartile mean of the runs' values
 * (each run interpolated linearly between its own points) and the 95% percentile bootstrap interval
 * of that IQM, the runs resampled with replacement, as in results.md. The curve covers the x range
 * every run reached (from the latest first point to the earliest last point). One run gives a line
 * without a band.
 */
public record CurveBand(String label, int runs, double[] x, double[] centre, double[] lower, double[] upper) {
    /** Points of a band at most; the union of the runs' x values is thinned evenly beyond. */
    public static final int MAX_POINTS = 200;

    public static CurveBand of(String label, List<RunCurve> curves, StratifiedBootstrap bootstrap) {
        List<RunCurve> drawn = curves.stream().filter(c -> c.x().length > 0).toList();
        if (drawn.isEmpty()) {
            throw new IllegalArgumentException(label + ": no run has a point to draw");
        }
        double from = drawn.stream().mapToDouble(c -> c.x()[0]).max().orElseThrow();
        double to = drawn.stream().mapToDouble(c -> c.x()[c.x().length - 1]).min().orElseThrow();
        TreeSet<Double> union = new TreeSet<>();
        for (RunCurve c : drawn) {
            for (double v : c.x()) {
                if (v >= from && v <= to) {
                    union.add(v);
                }
            }
        }
        if (union.isEmpty()) {
            union.add(from); // the runs share no x range: the first point of the one that starts latest
        }
        double[] grid = thinned(union.stream().mapToDouble(Double::doubleValue).toArray());
        double[] centre = new double[grid.length];
        double[] lower = new double[grid.length];
        double[] upper = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            double at = grid[i];
            double[] values = drawn.stream().mapToDouble(c -> c.valueAt(at)).toArray();
            Interval interval = values.length == 1 ? new Interval(values[0], values[0], values[0])
                    : bootstrap.interval(values, InterquartileMean::of);
            centre[i] = interval.estimate();
            lower[i] = interval.lower();
            upper[i] = interval.upper();
        }
        return new CurveBand(label, drawn.size(), grid, centre, lower, upper);
    }

    private static double[] thinned(double[] grid) {
        if (grid.length <= MAX_POINTS) {
            return grid;
        }
        double[] kept = new double[MAX_POINTS];
        for (int i = 0; i < MAX_POINTS; i++) {
            kept[i] = grid[(int) Math.round((double) i * (grid.length - 1) / (MAX_POINTS - 1))];
        }
        return kept;
    }
}
