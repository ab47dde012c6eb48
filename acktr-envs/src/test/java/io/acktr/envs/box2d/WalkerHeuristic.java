package io.acktr.envs.box2d;

/**
 * Gymnasium's {@code BipedalWalkerHeuristics}: a three-phase gait (stand on one leg, put the other
 * down, push off) with proportional joint targets and a term that keeps the hull level. "Suboptimal,
 * has no notion of balance", says the reference; a hand-written controller for tests.
 */
final class WalkerHeuristic {
    private static final int STAY_ON_ONE_LEG = 1;
    private static final int PUT_OTHER_DOWN = 2;
    private static final int PUSH_OFF = 3;
    private static final double SPEED = 0.29;
    private static final double SUPPORT_KNEE_ANGLE = 0.1;

    private int state = STAY_ON_ONE_LEG;
    private int movingLeg = 0;
    private int supportingLeg = 1;
    private double supportingKneeAngle = SUPPORT_KNEE_ANGLE;

    double[] act(double[] s) {
        int movingBase = 4 + 5 * movingLeg;
        int supportingBase = 4 + 5 * supportingLeg;
        // NaN stands for Python's None; like None and 0.0, it switches a target off below.
        double[] hipTarget = {Double.NaN, Double.NaN};
        double[] kneeTarget = {Double.NaN, Double.NaN};
        double[] hipTodo = {0, 0};
        double[] kneeTodo = {0, 0};

        if (state == STAY_ON_ONE_LEG) {
            hipTarget[movingLeg] = 1.1;
            kneeTarget[movingLeg] = -0.6;
            supportingKneeAngle += 0.03;
            if (s[2] > SPEED) {
                supportingKneeAngle += 0.03;
            }
            supportingKneeAngle = Math.min(supportingKneeAngle, SUPPORT_KNEE_ANGLE);
            kneeTarget[supportingLeg] = supportingKneeAngle;
            if (s[supportingBase] < 0.10) {
                state = PUT_OTHER_DOWN;
            }
        }
        if (state == PUT_OTHER_DOWN) {
            hipTarget[movingLeg] = 0.1;
            kneeTarget[movingLeg] = SUPPORT_KNEE_ANGLE;
            kneeTarget[supportingLeg] = supportingKneeAngle;
            if (s[movingBase + 4] != 0) {
                state = PUSH_OFF;
                supportingKneeAngle = Math.min(s[movingBase + 2], SUPPORT_KNEE_ANGLE);
            }
        }
        if (state == PUSH_OFF) {
            kneeTarget[movingLeg] = supportingKneeAngle;
            kneeTarget[supportingLeg] = 1.0;
            if (s[supportingBase + 2] > 0.88 || s[2] > 1.2 * SPEED) {
                state = STAY_ON_ONE_LEG;
                movingLeg = 1 - movingLeg;
                supportingLeg = 1 - movingLeg;
            }
        }

        if (set(hipTarget[0])) {
            hipTodo[0] = 0.9 * (hipTarget[0] - s[4]) - 0.25 * s[5];
        }
        if (set(hipTarget[1])) {
            hipTodo[1] = 0.9 * (hipTarget[1] - s[9]) - 0.25 * s[10];
        }
        if (set(kneeTarget[0])) {
            kneeTodo[0] = 4.0 * (kneeTarget[0] - s[6]) - 0.25 * s[7];
        }
        if (set(kneeTarget[1])) {
            kneeTodo[1] = 4.0 * (kneeTarget[1] - s[11]) - 0.25 * s[12];
        }
        hipTodo[0] -= 0.9 * (0 - s[0]) - 1.5 * s[1];
        hipTodo[1] -= 0.9 * (0 - s[0]) - 1.5 * s[1];
        kneeTodo[0] -= 15.0 * s[3];
        kneeTodo[1] -= 15.0 * s[3];

        return new double[] {clip(0.5 * hipTodo[0]), clip(0.5 * kneeTodo[0]), clip(0.5 * hipTodo[1]), clip(0.5 * kneeTodo[1])};
    }

    private static boolean set(double target) {
        return !Double.isNaN(target) && target != 0;
    }

    private static double clip(double value) {
        return Math.max(-1, Math.min(1, value));
    }
}
