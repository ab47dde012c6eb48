package io.acktr.envs.render;

import io.acktr.api.env.RgbFrame;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanvasTest {
    private static final int RED = 0xFF0000;

    @Test
    void startsFilledWithTheBackground() {
        Canvas canvas = new Canvas(3, 2, 0x123456);

        RgbFrame frame = canvas.frame();

        assertThat(frame.width()).isEqualTo(3);
        assertThat(frame.height()).isEqualTo(2);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                assertThat(frame.rgb(x, y)).isEqualTo(0x123456);
            }
        }
    }

    @Test
    void yGrowsUpwardsFromTheBottomRowOfTheFrame() {
        Canvas canvas = new Canvas(4, 3, Canvas.WHITE);

        canvas.fillRotatedRectangle(0, 2, 0, 1, 0, 0, 0, RED);

        // Canvas row 0 is the frame's last row.
        assertThat(canvas.frame().rgb(0, 2)).isEqualTo(RED);
        assertThat(canvas.frame().rgb(1, 2)).isEqualTo(RED);
        assertThat(canvas.frame().rgb(2, 2)).isEqualTo(Canvas.WHITE);
        assertThat(canvas.frame().rgb(0, 0)).isEqualTo(Canvas.WHITE);
        assertThat(canvas.rgb(0, 0)).isEqualTo(RED);
        assertThat(painted(canvas, RED)).isEqualTo(2);
    }

    @Test
    void aPolygonCoversThePixelsWhoseCentresLieInside() {
        Canvas canvas = new Canvas(5, 5, Canvas.WHITE);

        canvas.fillPolygon(new double[] {0, 4, 0}, new double[] {0, 0, 4}, RED);

        // Centre (i + 0.5, j + 0.5) is inside x + y < 4 when i + j <= 2: 3 + 2 + 1 pixels.
        for (int row = 0; row < 5; row++) {
            for (int column = 0; column < 5; column++) {
                assertThat(canvas.rgb(column, row)).as("pixel %d, %d", column, row)
                        .isEqualTo(column + row <= 2 ? RED : Canvas.WHITE);
            }
        }
    }

    @Test
    void aRotatedRectangleTurnsCounterClockwiseAboutItsOwnOrigin() {
        Canvas canvas = new Canvas(10, 10, Canvas.WHITE);

        // [0, 3] x [0, 1] turned a quarter to the left becomes [-1, 0] x [0, 3], then moved by (5, 5).
        canvas.fillRotatedRectangle(0, 3, 0, 1, Math.PI / 2, 5, 5, RED);

        assertThat(canvas.rgb(4, 5)).isEqualTo(RED);
        assertThat(canvas.rgb(4, 6)).isEqualTo(RED);
        assertThat(canvas.rgb(4, 7)).isEqualTo(RED);
        assertThat(painted(canvas, RED)).isEqualTo(3);
    }

    @Test
    void aCircleCoversThePixelCentresWithinItsRadius() {
        Canvas canvas = new Canvas(10, 10, Canvas.WHITE);

        canvas.fillCircle(5, 5, 2, RED);

        // Centres at offsets +-0.5 and +-1.5: all 16 combinations but the 4 corners (1.5^2 + 1.5^2 > 4).
        assertThat(painted(canvas, RED)).isEqualTo(12);
        assertThat(canvas.rgb(5, 5)).isEqualTo(RED);
        assertThat(canvas.rgb(3, 3)).isEqualTo(Canvas.WHITE);
    }

    @Test
    void aLinePaintsBothEndsAndOnePixelPerColumnWhenShallow() {
        Canvas canvas = new Canvas(6, 4, Canvas.WHITE);

        canvas.line(0, 0, 4, 2, RED);

        assertThat(canvas.rgb(0, 0)).isEqualTo(RED);
        assertThat(canvas.rgb(4, 2)).isEqualTo(RED);
        assertThat(painted(canvas, RED)).isEqualTo(5);
    }

    @Test
    void drawingOutsideTheFrameIsClipped() {
        Canvas canvas = new Canvas(4, 4, Canvas.WHITE);

        canvas.fillCircle(-10, -10, 3, RED);
        canvas.fillRotatedRectangle(-100, 100, 1, 2, 0, 0, 0, RED);
        canvas.line(-5, 3, 20, 3, RED);

        assertThat(painted(canvas, RED)).isEqualTo(4 + 4);
    }

    @Test
    void rejectsMismatchedCoordinates() {
        Canvas canvas = new Canvas(4, 4, Canvas.WHITE);

        assertThatThrownBy(() -> canvas.fillPolygon(new double[] {0, 1, 2}, new double[] {0, 1}, RED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 x coordinates and 2 y coordinates");
        assertThatThrownBy(() -> canvas.fillPolygon(new double[] {0, 1}, new double[] {0, 1}, RED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 3 points");
    }

    static int painted(Canvas canvas, int rgb) {
        int count = 0;
        for (int y = 0; y < canvas.height(); y++) {
            for (int x = 0; x < canvas.width(); x++) {
                if (canvas.frame().rgb(x, y) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }
}
