package io.acktr.envs.box2d;

import static io.acktr.envs.box2d.BipedalWalker.SCALE;
import static io.acktr.envs.box2d.BipedalWalker.VIEWPORT_H;
import static io.acktr.envs.box2d.BipedalWalker.VIEWPORT_W;

import io.acktr.api.env.RgbFrame;
import org.jbox2d.collision.shapes.PolygonShape;
import org.jbox2d.collision.shapes.ShapeType;
import org.jbox2d.common.Transform;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.Fixture;

/**
 * Draws the bipedal walker's scene as Gymnasium's {@code rgb_array} mode does: the view scrolls so
 * that the hull stays a fifth of the way in from the left, clouds move at half speed, and one lidar
 * ray is shown per frame, cycling through all ten for the first 20 of every 100 frames.
 */
final class BipedalWalkerRenderer {
    static final int SKY = 0xd7d7ff;
    static final int CLOUD = 0xffffff;
    static final int GRASS = 0x66994c;
    static final int EDGE_LIGHT = 0x4cff4c;
    static final int EDGE_DARK = 0x4ccc4c;
    static final int LIDAR = 0xff0000;
    static final int HULL_FILL = 0x7f33e5;
    static final int HULL_OUTLINE = 0x4c4c7f;
    static final int FLAG = 0xe63300;
    static final int FLAGPOLE = 0x000000;
    /** Leg colours of side {@code i = -1} (leg 0) and {@code i = +1} (leg 1): fill, outline. */
    static final int[][] LEG_COLOURS = {{0xb26598, 0x7f4c65}, {0x803366, 0x4d1a33}};

    private int lidarFrame;

    /** Draws one frame; advances the lidar animation. */
    RgbFrame render(WalkerTerrain terrain, WalkerClouds clouds, WalkerBody walker, WalkerLidar lidar) {
        double scroll = walker.hull().getPosition().x - VIEWPORT_W / SCALE / 5;
        View view = new View(new PixelCanvas(VIEWPORT_W, VIEWPORT_H), Math.max(0.0, scroll) * SCALE);

        view.fillPolygon(new double[] {scroll * SCALE, scroll * SCALE + VIEWPORT_W, scroll * SCALE + VIEWPORT_W, scroll * SCALE},
                new double[] {0, 0, VIEWPORT_H, VIEWPORT_H}, SKY);
        for (WalkerClouds.Cloud cloud : clouds.clouds()) {
            if (cloud.maxX() < scroll / 2 || cloud.minX() > scroll / 2 + VIEWPORT_W / SCALE) {
                continue;
            }
            double[] xs = new double[cloud.xs().length];
            double[] ys = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = cloud.xs()[i] * SCALE + scroll * SCALE / 2;
                ys[i] = cloud.ys()[i] * SCALE;
            }
            view.fillPolygon(xs, ys, CLOUD);
        }
        for (int i = 0; i + 1 < terrain.pointCount(); i++) {
            double x1 = terrain.pointX(i);
            double x2 = terrain.pointX(i + 1);
            if (x2 < scroll || x1 > scroll + VIEWPORT_W / SCALE) {
                continue;
            }
            view.fillPolygon(new double[] {x1 * SCALE, x2 * SCALE, x2 * SCALE, x1 * SCALE},
                    new double[] {terrain.pointY(i) * SCALE, terrain.pointY(i + 1) * SCALE, 0, 0}, GRASS);
        }

        lidarFrame = (lidarFrame + 1) % 100;
        if (lidarFrame < 2 * WalkerLidar.RAYS) {
            int ray = lidarFrame < WalkerLidar.RAYS ? lidarFrame : 2 * WalkerLidar.RAYS - 1 - lidarFrame;
            if (lidar.start(ray) != null) {
                view.drawLine(lidar.start(ray).x * SCALE, lidar.start(ray).y * SCALE,
                        lidar.end(ray).x * SCALE, lidar.end(ray).y * SCALE, LIDAR);
            }
        }

        for (int i = terrain.pointCount() - 2; i >= 0; i--) {
            view.drawLine(terrain.pointX(i) * SCALE, terrain.pointY(i) * SCALE,
                    terrain.pointX(i + 1) * SCALE, terrain.pointY(i + 1) * SCALE, i % 2 == 0 ? EDGE_LIGHT : EDGE_DARK);
        }
        for (int leg = 0; leg < 4; leg++) {
            int[] colours = LEG_COLOURS[leg / 2];
            drawBody(view, walker.leg(leg), colours[0], colours[1]);
        }
        drawBody(view, walker.hull(), HULL_FILL, HULL_OUTLINE);

        double flagX = WalkerTerrain.TERRAIN_STEP * 3 * SCALE;
        double flagBottom = WalkerTerrain.TERRAIN_HEIGHT * SCALE;
        double flagTop = flagBottom + 50;
        view.drawLine(flagX, flagBottom, flagX, flagTop, FLAGPOLE);
        double[] flagXs = {flagX, flagX, flagX + 25};
        double[] flagYs = {flagTop, flagTop - 10, flagTop - 5};
        view.fillPolygon(flagXs, flagYs, FLAG);
        view.drawPolygon(flagXs, flagYs, FLAGPOLE);
        return view.canvas().frame();
    }

    private static void drawBody(View view, Body body, int fill, int outline) {
        Transform transform = body.getTransform();
        for (Fixture fixture = body.getFixtureList(); fixture != null; fixture = fixture.getNext()) {
            if (fixture.getType() != ShapeType.POLYGON) {
                continue;
            }
            PolygonShape shape = (PolygonShape) fixture.getShape();
            double[] xs = new double[shape.getVertexCount()];
            double[] ys = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                Vec2 corner = Transform.mul(transform, shape.getVertex(i));
                xs[i] = corner.x * SCALE;
                ys[i] = corner.y * SCALE;
            }
            view.fillPolygon(xs, ys, fill);
            view.drawPolygon(xs, ys, outline);
        }
    }

    /** The canvas seen through the scrolled window: scene pixels shifted left by {@code offset}. */
    private record View(PixelCanvas canvas, double offset) {
        void fillPolygon(double[] xs, double[] ys, int rgb) {
            canvas.fillPolygon(shift(xs), ys, rgb);
        }

        void drawPolygon(double[] xs, double[] ys, int rgb) {
            canvas.drawPolygon(shift(xs), ys, rgb);
        }

        void drawLine(double x0, double y0, double x1, double y1, int rgb) {
            canvas.drawLine(x0 - offset, y0, x1 - offset, y1, rgb);
        }

        private double[] shift(double[] xs) {
            double[] shifted = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                shifted[i] = xs[i] - offset;
            }
            return shifted;
        }
    }
}
