package io.acktr.envs.box2d;

/**
 * Gymnasium's {@code heuristic(env, s)} for the lunar lander: steer the nose toward the pad, hover
 * at a height proportional to the horizontal offset, and only brake once a leg touches. A
 * hand-written controller for tests, not a trained policy.
 */
final class LanderHeuristic {
    private LanderHeuristic() {
    }

    static double[] discrete(double[] s) {
        Targets t = targets(s);
        int action = 0;
        if (t.hover > Math.abs(t.angle) && t.hover > 0.05) {
            action = 2;
        } else if (t.angle < -0.05) {
            action = 3;
        } else if (t.angle > 0.05) {
            action = 1;
        }
        return new double[] {action};
    }

    static double[] continuous(double[] s) {
        Targets t = targets(s);
        return new double[] {clip(t.hover * 20 - 1), clip(-t.angle * 20)};
    }

    private record Targets(double angle, double hover) {
    }

    private static Targets targets(double[] s) {
        double angleTarget = Math.max(-0.4, Math.min(0.4, s[0] * 0.5 + s[2] * 1.0));
        double hoverTarget = 0.55 * Math.abs(s[0]);
        double angleTodo = (angleTarget - s[4]) * 0.5 - s[5] * 1.0;
        double hoverTodo = (hoverTarget - s[1]) * 0.5 - s[3] * 0.5;
        if (s[6] != 0 || s[7] != 0) {
            angleTodo = 0;
            hoverTodo = -s[3] * 0.5;
        }
        return new Targets(angleTodo, hoverTodo);
    }

    private static double clip(double value) {
        return Math.max(-1, Math.min(1, value));
    }
}
