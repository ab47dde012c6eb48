package io.acktr.envs.classic;

import io.acktr.api.env.RgbFrame;
import io.acktr.envs.render.Canvas;

/** Gymnasium's 600 x 400 mountain-car picture (hill, car, flag), shared by both mountain cars. */
final class MountainCarDrawing {
    static final int SCREEN_WIDTH = 600;
    static final int SCREEN_HEIGHT = 400;
    private static final double MIN_POSITION = -1.2;
    private static final double MAX_POSITION = 0.6;

    private MountainCarDrawing() {
    }

    static RgbFrame draw(double position, double goalPosition) {
        double worldWidth = MAX_POSITION - MIN_POSITION;
        double scale = SCREEN_WIDTH / worldWidth;
        double carWidth = 40;
        double carHeight = 20;
        double clearance = 10;
        Canvas canvas = new Canvas(SCREEN_WIDTH, SCREEN_HEIGHT, Canvas.WHITE);

        int points = 100;
        double[] xs = new double[points];
        double[] ys = new double[points];
        for (int i = 0; i < points; i++) {
            double x = MIN_POSITION + (MAX_POSITION - MIN_POSITION) * i / (points - 1);
            xs[i] = (x - MIN_POSITION) * scale;
            ys[i] = height(x) * scale;
        }
        canvas.polyline(xs, ys, Canvas.BLACK);

        double angle = Math.cos(3 * position);
        double carX = (position - MIN_POSITION) * scale;
        double carY = clearance + height(position) * scale;
        canvas.fillRotatedRectangle(-carWidth / 2, carWidth / 2, 0, carHeight, angle, carX, carY, Canvas.BLACK);
        for (double wheel : new double[] {carWidth / 4, -carWidth / 4}) {
            int wheelX = (int) (wheel * Math.cos(angle) + carX);
            int wheelY = (int) (wheel * Math.sin(angle) + carY);
            canvas.fillCircle(wheelX, wheelY, (int) (carHeight / 2.5), 0x808080);
        }

        int flagX = (int) ((goalPosition - MIN_POSITION) * scale);
        int flagY1 = (int) (height(goalPosition) * scale);
        int flagY2 = flagY1 + 50;
        canvas.line(flagX, flagY1, flagX, flagY2, Canvas.BLACK);
        canvas.fillPolygon(new double[] {flagX, flagX, flagX + 25}, new double[] {flagY2, flagY2 - 10, flagY2 - 5}, 0xCCCC00);
        return canvas.frame();
    }

    /** The hill's height at {@code position}, Gymnasium's {@code _height}. */
    static double height(double position) {
        return Math.sin(3 * position) * 0.45 + 0.55;
    }
}
