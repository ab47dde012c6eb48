package io.acktr.envs.box2d;

import io.acktr.api.env.RgbFrame;
import java.util.Arrays;

/**
 * A plain-Java drawing surface for the Box2D renderers, in pixel coordinates with the origin at
 * the bottom-left and y up (pygame's surface after Gymnasium's final vertical flip). Polygons are
 * filled with the even-odd rule, sampling pixel centres; shapes may extend beyond the frame.
 */
final class PixelCanvas {
    private final int width;
    private final int height;
    private final RgbFrame frame;

    PixelCanvas(int width, int height) {
        this.width = width;
        this.height = height;
        this.frame = RgbFrame.blank(width, height);
    }

    /** The drawing so far; later drawing keeps changing it. */
    RgbFrame frame() {
        return frame;
    }

    void clear(int rgb) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                frame.set(x, y, rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
            }
        }
    }

    /** Fills the polygon with corners {@code (xs[i], ys[i])}. */
    void fillPolygon(double[] xs, double[] ys, int rgb) {
        if (xs.length != ys.length || xs.length < 3) {
            throw new IllegalArgumentException("a polygon needs at least 3 corners with both coordinates, got "
                    + xs.length + " x and " + ys.length + " y");
        }
        double minY = Arrays.stream(ys).min().orElseThrow();
        double maxY = Arrays.stream(ys).max().orElseThrow();
        int firstRow = Math.max(0, (int) Math.floor(minY));
        int lastRow = Math.min(height - 1, (int) Math.ceil(maxY));
        double[] crossings = new double[xs.length];
        for (int row = firstRow; row <= lastRow; row++) {
            double scanY = row + 0.5;
            int count = 0;
            for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
                if ((ys[i] <= scanY) != (ys[j] <= scanY)) {
                    crossings[count++] = xs[i] + (scanY - ys[i]) / (ys[j] - ys[i]) * (xs[j] - xs[i]);
                }
            }
            Arrays.sort(crossings, 0, count);
            for (int k = 0; k + 1 < count; k += 2) {
                int from = Math.max(0, (int) Math.ceil(crossings[k] - 0.5));
                int to = Math.min(width - 1, (int) Math.ceil(crossings[k + 1] - 0.5) - 1);
                for (int column = from; column <= to; column++) {
                    plot(column, row, rgb);
                }
            }
        }
    }

    /** Draws the closed outline through the corners, one pixel wide. */
    void drawPolygon(double[] xs, double[] ys, int rgb) {
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            drawLine(xs[j], ys[j], xs[i], ys[i], rgb);
        }
    }

    /** Draws a one-pixel line from {@code (x0, y0)} to {@code (x1, y1)}. */
    void drawLine(double x0, double y0, double x1, double y1, int rgb) {
        double steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0));
        int n = Math.max(1, (int) Math.ceil(steps));
        for (int s = 0; s <= n; s++) {
            double t = (double) s / n;
            plot((int) Math.floor(x0 + t * (x1 - x0)), (int) Math.floor(y0 + t * (y1 - y0)), rgb);
        }
    }

    private void plot(int x, int yUp, int rgb) {
        frame.set(x, height - 1 - yUp, rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
    }
}
