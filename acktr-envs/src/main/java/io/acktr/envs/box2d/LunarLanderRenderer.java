package io.acktr.envs.box2d;

import static io.acktr.envs.box2d.LunarLander.SCALE;
import static io.acktr.envs.box2d.LunarLander.VIEWPORT_H;
import static io.acktr.envs.box2d.LunarLander.VIEWPORT_W;

import io.acktr.api.env.RgbFrame;
import org.jbox2d.collision.shapes.PolygonShape;
import org.jbox2d.collision.shapes.ShapeType;
import org.jbox2d.common.Transform;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.Fixture;

/**
 * Draws a lunar-lander scene as Gymnasium's {@code rgb_array} mode does: a white moon under a
 * black sky, the helipad's two flags, and the hull and legs in purple with a darker outline.
 * Exhaust particles are not simulated, so they are not drawn.
 */
final class LunarLanderRenderer {
    static final int SKY = 0x000000;
    static final int MOON = 0xffffff;
    static final int FLAGPOLE = 0xffffff;
    static final int FLAG = 0xcccc00;
    static final int BODY_FILL = 0x8066e6;
    static final int BODY_OUTLINE = 0x4d4d80;

    private LunarLanderRenderer() {
    }

    static RgbFrame render(LunarTerrain terrain, LanderBody lander) {
        PixelCanvas canvas = new PixelCanvas(VIEWPORT_W, VIEWPORT_H);
        canvas.clear(MOON);
        for (int i = 0; i + 1 < terrain.pointCount(); i++) {
            double x1 = terrain.pointX(i) * SCALE;
            double x2 = terrain.pointX(i + 1) * SCALE;
            double y1 = terrain.pointY(i) * SCALE;
            double y2 = terrain.pointY(i + 1) * SCALE;
            canvas.fillPolygon(new double[] {x1, x2, x2, x1}, new double[] {y1, y2, VIEWPORT_H, VIEWPORT_H}, SKY);
        }
        drawBody(canvas, lander.hull());
        drawBody(canvas, lander.leg(0));
        drawBody(canvas, lander.leg(1));
        for (double helipadX : new double[] {terrain.helipadX1(), terrain.helipadX2()}) {
            double x = helipadX * SCALE;
            double bottom = terrain.helipadY() * SCALE;
            double top = bottom + 50;
            canvas.drawLine(x, bottom, x, top, FLAGPOLE);
            canvas.fillPolygon(new double[] {x, x, x + 25}, new double[] {top, top - 10, top - 5}, FLAG);
        }
        return canvas.frame();
    }

    private static void drawBody(PixelCanvas canvas, Body body) {
        Transform transform = body.getTransform();
        for (Fixture fixture = body.getFixtureList(); fixture != null; fixture = fixture.getNext()) {
            if (fixture.getType() != ShapeType.POLYGON) {
                continue;
            }
            PolygonShape shape = (PolygonShape) fixture.getShape();
            int count = shape.getVertexCount();
            double[] xs = new double[count];
            double[] ys = new double[count];
            for (int i = 0; i < count; i++) {
                Vec2 corner = Transform.mul(transform, shape.getVertex(i));
                xs[i] = corner.x * SCALE;
                ys[i] = corner.y * SCALE;
            }
            canvas.fillPolygon(xs, ys, BODY_FILL);
            canvas.drawPolygon(xs, ys, BODY_OUTLINE);
        }
    }
}
