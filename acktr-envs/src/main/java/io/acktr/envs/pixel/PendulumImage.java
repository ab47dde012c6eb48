package io.acktr.envs.pixel;

import io.acktr.api.env.RgbFrame;
import io.acktr.envs.render.Canvas;

/**
 * Draws a pendulum at a given angle as a square grey image: a white rod with rounded ends from the
 * centre of the image to its tip, on black, without anti-aliasing (every value is 0 or 1). The
 * image shows {@code [-1.25, 1.25]} world units in each direction, so the unit-length rod reaches
 * 40% of the way from the centre to the border. Angle 0 is upright and positive angles turn the rod
 * counter-clockwise, as in Gymnasium's picture of {@code Pendulum-v1}.
 *
 * <p>Values are row-major from the top-left, one per pixel, the layout of an {@code [H, W, 1]}
 * observation.
 */
final class PendulumImage {
    static final double VIEW_HALF_WIDTH = 1.25;
    static final double ROD_LENGTH = 1.0;
    static final double ROD_WIDTH = 0.3;
    static final int MIN_SIZE = 16;

    private final int size;

    PendulumImage(int size) {
        if (size < MIN_SIZE) {
            throw new IllegalArgumentException("a pendulum image needs at least " + MIN_SIZE + " x " + MIN_SIZE + " pixels, got " + size);
        }
        this.size = size;
    }

    int size() {
        return size;
    }

    /** The image of the pendulum at {@code theta}, given as its cosine and sine (Pendulum-v1's first two observations). */
    double[] draw(double cosTheta, double sinTheta) {
        double scale = size / (2 * VIEW_HALF_WIDTH);
        double centre = size / 2.0;
        double rodLength = ROD_LENGTH * scale;
        double halfWidth = ROD_WIDTH * scale / 2;
        double angle = Math.atan2(sinTheta, cosTheta) + Math.PI / 2;

        Canvas canvas = new Canvas(size, size, Canvas.BLACK);
        canvas.fillRotatedRectangle(0, rodLength, -halfWidth, halfWidth, angle, centre, centre, Canvas.WHITE);
        canvas.fillCircle(centre, centre, halfWidth, Canvas.WHITE);
        canvas.fillCircle(centre + rodLength * Math.cos(angle), centre + rodLength * Math.sin(angle), halfWidth, Canvas.WHITE);
        return grey(canvas.frame());
    }

    private static double[] grey(RgbFrame frame) {
        byte[] pixels = frame.pixels();
        double[] values = new double[frame.width() * frame.height()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (pixels[3 * i] & 0xff) / 255.0;
        }
        return values;
    }
}
