package io.acktr.envs.box2d;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.env.RgbFrame;
import org.junit.jupiter.api.Test;

class PixelCanvasTest {
    private static final int RED = 0xff0000;

    @Test
    void filledRectangleCoversExactlyThePixelsWhoseCentresItContains() {
        PixelCanvas canvas = new PixelCanvas(10, 10);

        canvas.fillPolygon(new double[] {2, 5, 5, 2}, new double[] {1, 1, 4, 4}, RED);

        RgbFrame frame = canvas.frame();
        assertThat(count(frame, RED)).isEqualTo(9);
        // y is up: the bottom row of the rectangle (y from 1 to 2) is image row 10 - 1 - 1 = 8.
        assertThat(frame.rgb(2, 8)).isEqualTo(RED);
        assertThat(frame.rgb(4, 6)).isEqualTo(RED);
        assertThat(frame.rgb(5, 8)).isZero();
        assertThat(frame.rgb(2, 9)).isZero();
    }

    @Test
    void filledTriangleCoversAboutHalfItsBoundingBox() {
        PixelCanvas canvas = new PixelCanvas(100, 100);

        canvas.fillPolygon(new double[] {0, 100, 0}, new double[] {0, 0, 100}, RED);

        assertThat(count(canvas.frame(), RED)).isBetween(4900, 5100);
    }

    @Test
    void shapesReachingOutsideTheFrameAreClipped() {
        PixelCanvas canvas = new PixelCanvas(10, 10);

        canvas.fillPolygon(new double[] {-50, 50, 50, -50}, new double[] {-50, -50, 50, 50}, RED);
        canvas.drawLine(-20, 5, 30, 5, 0x00ff00);

        assertThat(count(canvas.frame(), RED) + count(canvas.frame(), 0x00ff00)).isEqualTo(100);
    }

    @Test
    void lineTouchesBothEndsAndEveryColumnBetween() {
        PixelCanvas canvas = new PixelCanvas(10, 10);

        canvas.drawLine(0.5, 0.5, 9.5, 3.5, RED);

        for (int x = 0; x < 10; x++) {
            int column = x;
            assertThat(java.util.stream.IntStream.range(0, 10).anyMatch(y -> canvas.frame().rgb(column, y) == RED))
                    .as("column %d", x).isTrue();
        }
        assertThat(canvas.frame().rgb(0, 9)).isEqualTo(RED);
        assertThat(canvas.frame().rgb(9, 6)).isEqualTo(RED);
    }

    @Test
    void clearPaintsEveryPixel() {
        PixelCanvas canvas = new PixelCanvas(4, 3);

        canvas.clear(0x123456);

        assertThat(count(canvas.frame(), 0x123456)).isEqualTo(12);
    }

    private static int count(RgbFrame frame, int rgb) {
        int count = 0;
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                if (frame.rgb(x, y) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }
}
