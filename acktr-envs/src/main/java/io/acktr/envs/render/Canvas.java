package io.acktr.envs.render;

import io.acktr.api.env.RgbFrame;

import java.util.Arrays;

/**
 * Draws filled shapes and lines into an {@link RgbFrame} in Gymnasium's drawing coordinates: the
 * origin is the bottom-left corner and y grows upwards (Gymnasium draws on a pygame surface and
 * flips it vertically before returning it). Pixel {@code (i, j)} covers {@code [i, i+1) x [j, j+1)};
 * a shape covers the pixels whose centres lie inside it. Colours are {@code 0xRRGGBB}. Drawing
 * outside the frame is clipped. No anti-aliasing, so a frame holds only the colours drawn.
 */
public final class Canvas {
    public static final int WHITE = 0xFFFFFF;
    public static final int BLACK = 0x000000;

    private final RgbFrame frame;

    /** A {@code width x height} canvas filled with {@code background}. */
    public Canvas(int width, int height, int background) {
        this.frame = RgbFrame.blank(width, height);
        fill(background);
    }

    /** The frame drawn into (not a copy). */
    public RgbFrame frame() {
        return frame;
    }

    public int width() {
        return frame.width();
    }

    public int height() {
        return frame.height();
    }

    /** Paints every pixel. */
    public void fill(int rgb) {
        byte[] pixels = frame.pixels();
        byte red = (byte) (rgb >> 16);
        byte green = (byte) (rgb >> 8);
        byte blue = (byte) rgb;
        for (int i = 0; i < pixels.length; i += 3) {
            pixels[i] = red;
            pixels[i + 1] = green;
            pixels[i + 2] = blue;
        }
    }

    /** Paints the pixel containing {@code (x, y)}. */
    public void point(double x, double y, int rgb) {
        set((int) Math.floor(x), (int) Math.floor(y), rgb);
    }

    /** A one-pixel line from {@code (x0, y0)} to {@code (x1, y1)}, both ends included (Bresenham). */
    public void line(double x0, double y0, double x1, double y1, int rgb) {
        int x = (int) Math.floor(x0);
        int y = (int) Math.floor(y0);
        int xEnd = (int) Math.floor(x1);
        int yEnd = (int) Math.floor(y1);
        int dx = Math.abs(xEnd - x);
        int dy = -Math.abs(yEnd - y);
        int stepX = x < xEnd ? 1 : -1;
        int stepY = y < yEnd ? 1 : -1;
        int error = dx + dy;
        while (true) {
            set(x, y, rgb);
            if (x == xEnd && y == yEnd) {
                return;
            }
            int twice = 2 * error;
            if (twice >= dy) {
                error += dy;
                x += stepX;
            }
            if (twice <= dx) {
                error += dx;
                y += stepY;
            }
        }
    }

    /** One-pixel lines joining consecutive points. */
    public void polyline(double[] xs, double[] ys, int rgb) {
        checkPoints(xs, ys, 1);
        for (int i = 1; i < xs.length; i++) {
            line(xs[i - 1], ys[i - 1], xs[i], ys[i], rgb);
        }
    }

    /** Fills the polygon with the given corners (even-odd rule, so any simple polygon works). */
    public void fillPolygon(double[] xs, double[] ys, int rgb) {
        checkPoints(xs, ys, 3);
        int n = xs.length;
        double minY = Arrays.stream(ys).min().orElseThrow();
        double maxY = Arrays.stream(ys).max().orElseThrow();
        int firstRow = Math.max(0, (int) Math.ceil(minY - 0.5));
        int lastRow = Math.min(frame.height() - 1, (int) Math.ceil(maxY - 0.5) - 1);
        double[] crossings = new double[n];
        for (int row = firstRow; row <= lastRow; row++) {
            double centre = row + 0.5;
            int count = 0;
            for (int i = 0, j = n - 1; i < n; j = i++) {
                double yi = ys[i];
                double yj = ys[j];
                if ((yi <= centre && centre < yj) || (yj <= centre && centre < yi)) {
                    crossings[count++] = xs[i] + (centre - yi) / (yj - yi) * (xs[j] - xs[i]);
                }
            }
            Arrays.sort(crossings, 0, count);
            for (int k = 0; k + 1 < count; k += 2) {
                int from = Math.max(0, (int) Math.ceil(crossings[k] - 0.5));
                int to = Math.min(frame.width() - 1, (int) Math.ceil(crossings[k + 1] - 0.5) - 1);
                for (int column = from; column <= to; column++) {
                    set(column, row, rgb);
                }
            }
        }
    }

    /**
     * Fills the rectangle {@code [left, right] x [bottom, top]} of a body's own frame after turning
     * it counter-clockwise by {@code angle} radians about that frame's origin and moving the origin
     * to {@code (x, y)}: Gymnasium's {@code Vector2(corner).rotate_rad(angle)} plus offset.
     */
    public void fillRotatedRectangle(double left, double right, double bottom, double top, double angle, double x, double y,
                                     int rgb) {
        double[] localX = {left, left, right, right};
        double[] localY = {bottom, top, top, bottom};
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double[] xs = new double[4];
        double[] ys = new double[4];
        for (int i = 0; i < 4; i++) {
            xs[i] = localX[i] * cos - localY[i] * sin + x;
            ys[i] = localX[i] * sin + localY[i] * cos + y;
        }
        fillPolygon(xs, ys, rgb);
    }

    /** Fills the disc of the given radius around {@code (x, y)}. */
    public void fillCircle(double x, double y, double radius, int rgb) {
        int firstRow = Math.max(0, (int) Math.floor(y - radius));
        int lastRow = Math.min(frame.height() - 1, (int) Math.ceil(y + radius));
        int firstColumn = Math.max(0, (int) Math.floor(x - radius));
        int lastColumn = Math.min(frame.width() - 1, (int) Math.ceil(x + radius));
        double radiusSquared = radius * radius;
        for (int row = firstRow; row <= lastRow; row++) {
            double dy = row + 0.5 - y;
            for (int column = firstColumn; column <= lastColumn; column++) {
                double dx = column + 0.5 - x;
                if (dx * dx + dy * dy <= radiusSquared) {
                    set(column, row, rgb);
                }
            }
        }
    }

    /** The {@code 0xRRGGBB} colour of pixel {@code (column, row)}, rows counted from the bottom. */
    public int rgb(int column, int row) {
        return frame.rgb(column, frame.height() - 1 - row);
    }

    private void set(int column, int row, int rgb) {
        frame.set(column, frame.height() - 1 - row, (rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
    }

    private static void checkPoints(double[] xs, double[] ys, int minimum) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("got " + xs.length + " x coordinates and " + ys.length + " y coordinates");
        }
        if (xs.length < minimum) {
            throw new IllegalArgumentException("need at least " + minimum + " points, got " + xs.length);
        }
    }
}
