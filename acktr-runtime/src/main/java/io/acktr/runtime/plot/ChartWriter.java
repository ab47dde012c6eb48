package io.acktr.runtime.plot;

import io.acktr.runtime.statistics.Interval;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the charts of acktr with XChart and writes them as PNG (XChart's bitmap encoder; its
 * vector export is left out of the bundle, see the root pom). Series take their colours in order from one palette, so that a variant has the same
 * colour in every chart of a suite when the variants come in the same order.
 */
public final class ChartWriter {
    public static final int WIDTH = 800;
    public static final int HEIGHT = 500;
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};

    private ChartWriter() {
    }

    /** The colour of the i-th series. */
    public static Color colour(int index) {
        return PALETTE[index % PALETTE.length];
    }

    /** Solid for the first round of the palette, dashed for the next, so that no two series look the same. */
    private static BasicStroke stroke(int index) {
        return index < PALETTE.length ? new BasicStroke(2f)
                : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 4f}, 0f);
    }

    /** Lines with their bands (none where a band has one run), one colour per band. */
    public static XYChart curves(String title, String xTitle, String yTitle, List<CurveBand> bands) {
        return curves(title, xTitle, yTitle, bands, java.util.stream.IntStream.range(0, bands.size()).boxed().toList());
    }

    /** {@link #curves(String, String, String, List)}, band i in colour {@code colours.get(i)}. */
    public static XYChart curves(String title, String xTitle, String yTitle, List<CurveBand> bands, List<Integer> colours) {
        XYChart chart = chart(title, xTitle, yTitle);
        for (int i = 0; i < bands.size(); i++) {
            CurveBand band = bands.get(i);
            Color colour = colour(colours.get(i));
            if (band.runs() > 1) {
                double[] x = new double[2 * band.x().length];
                double[] y = new double[x.length];
                for (int p = 0; p < band.x().length; p++) {
                    x[p] = band.x()[p];
                    y[p] = band.upper()[p];
                    x[x.length - 1 - p] = band.x()[p];
                    y[x.length - 1 - p] = band.lower()[p];
                }
                XYSeries area = chart.addSeries(band.label() + " (band)", x, y);
                area.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                area.setFillColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 56));
                area.setLineColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 0));
                area.setLineStyle(SeriesLines.NONE);
                area.setMarker(SeriesMarkers.NONE);
                area.setShowInLegend(false);
            }
            XYSeries line = chart.addSeries(band.runs() > 1 ? band.label() + " (" + band.runs() + " runs)" : band.label(),
                    band.x(), band.centre());
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setLineColor(colour);
            line.setLineStyle(stroke(colours.get(i)));
            line.setMarker(SeriesMarkers.NONE);
        }
        keepNiceTicks(chart, bands);
        return chart;
    }

    /**
     * XChart puts the x ticks at the data's own x values when they are equally spaced (the rows of a
     * progress.csv, a grid of tau), which gives ticks such as 1,120 or 0.5739 (and likewise for y);
     * one invisible point off that spacing, inside the data's range, keeps its round-number ticks.
     */
    private static void keepNiceTicks(XYChart chart, List<CurveBand> bands) {
        CurveBand first = bands.stream().filter(b -> b.x().length > 1).findFirst().orElse(null);
        if (first == null) {
            return;
        }
        double low = java.util.Arrays.stream(first.centre()).min().orElseThrow();
        double high = java.util.Arrays.stream(first.centre()).max().orElseThrow();
        XYSeries hidden = chart.addSeries(" ", new double[] {(first.x()[0] + first.x()[1]) / 2},
                new double[] {low + (high - low) * (Math.sqrt(2) - 1)});
        hidden.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        hidden.setMarker(SeriesMarkers.NONE);
        hidden.setShowInLegend(false);
    }

    /** Adds a dashed horizontal line at {@code y} from {@code fromX} to {@code toX}, e.g. a task's threshold. */
    public static void horizontalLine(XYChart chart, String label, double y, double fromX, double toX) {
        XYSeries line = chart.addSeries(label, new double[] {fromX, toX}, new double[] {y, y});
        line.setLineColor(Color.DARK_GRAY);
        line.setLineStyle(SeriesLines.DASH_DASH);
        line.setMarker(SeriesMarkers.NONE);
    }

    /** Named intervals, one row each from top to bottom: a segment from lower to upper with a dot at the estimate. */
    public static XYChart intervals(String title, String xTitle, List<String> names, List<Interval> intervals) {
        if (names.size() != intervals.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + intervals.size() + " intervals");
        }
        XYChart chart = chart(title, xTitle, "");
        chart.getStyler().setYAxisTicksVisible(false);
        chart.getStyler().setPlotGridHorizontalLinesVisible(false);
        chart.getStyler().setYAxisMin(-0.5);
        chart.getStyler().setYAxisMax(names.size() - 0.5);
        for (int i = 0; i < names.size(); i++) {
            Interval interval = intervals.get(i);
            double row = names.size() - 1 - i;
            Color colour = colour(i);
            String label = String.format(Locale.ROOT, "%s: %.2f [%.2f, %.2f]", names.get(i), interval.estimate(),
                    interval.lower(), interval.upper());
            XYSeries segment = chart.addSeries(label, new double[] {interval.lower(), interval.upper()}, new double[] {row, row});
            segment.setLineColor(colour);
            segment.setLineStyle(new BasicStroke(6f));
            segment.setMarker(SeriesMarkers.NONE);
            XYSeries point = chart.addSeries(names.get(i) + " (estimate)", new double[] {interval.estimate()}, new double[] {row});
            point.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            point.setMarker(SeriesMarkers.DIAMOND);
            point.setMarkerColor(Color.BLACK);
            point.setShowInLegend(false);
        }
        return chart;
    }

    private static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setLegendBackgroundColor(new Color(255, 255, 255, 200));
        styler.setToolTipsEnabled(false);
        styler.setXAxisDecimalPattern("#,##0.##"); // 20,000 and 0.25, not 2E4
        styler.setYAxisDecimalPattern("#,##0.##");
        chart.getStyler().setMarkerSize(8);
        return chart;
    }

    /**
     * Writes the chart to {@code file}, a PNG, replacing it atomically.
     *
     * @throws IllegalArgumentException for another extension
     */
    public static void write(XYChart chart, Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".png")) {
            throw new IllegalArgumentException("\"" + file + "\": a chart is written as a .png file");
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = parent.resolve(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart " + file + ": " + e.getMessage(), e);
        }
    }
}
