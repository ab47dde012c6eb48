package io.acktr.envs.classic;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.InvalidActionException;
import io.acktr.api.env.StepResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AcrobotTest {
    private static final double[] NEGATIVE_TORQUE = {0};
    private static final double[] NO_TORQUE = {1};
    private static final double[] POSITIVE_TORQUE = {2};

    @Test
    void hasGymnasiumIdAndSpaces() {
        Acrobot env = new Acrobot();

        assertThat(env.id()).isEqualTo("Acrobot-v1");
        assertThat(env.actionSpace()).isEqualTo(new DiscreteSpace(3));
        BoxSpace observations = (BoxSpace) env.observationSpace();
        assertThat(observations.shape()).containsExactly(6);
        // Gymnasium's float32 bounds
        assertThat(observations.high()).containsExactly(1, 1, 1, 1, (float) (4 * Math.PI), (float) (9 * Math.PI));
        assertThat(observations.low()).containsExactly(-1, -1, -1, -1, (float) (-4 * Math.PI), (float) (-9 * Math.PI));
    }

    @Test
    void accelerationFromRestUnderUnitTorqueMatchesTheHandSolution() {
        // At rest hanging down (all zero): cos theta2 = 1, sin theta2 = 0, and gravity has no lever arm.
        //   d1 = 1 * 0.25 + 1 * (1 + 0.25 + 2 * 0.5) + 1 + 1 = 4.5
        //   d2 = 1 * (0.25 + 0.5) + 1                          = 1.75
        //   phi1 = phi2 = 0 (cos(-pi/2) = 6e-17, times 9.8 * 1.5; kept within the tolerance)
        //   ddtheta2 = 1 / (0.25 + 1 - 1.75^2 / 4.5) = 1 / (41/72) = 72/41
        //   ddtheta1 = -(1.75 * 72/41) / 4.5                 = -28/41
        double[] derivative = Acrobot.dsdt(new double[] {0, 0, 0, 0}, 1.0);

        assertThat(derivative).containsExactly(new double[] {0, 0, -28.0 / 41, 72.0 / 41}, within(1e-14));
    }

    @Test
    void hangingStillWithoutTorqueStaysStillAndCostsOne() {
        Acrobot env = new Acrobot();
        env.setState(new double[] {0, 0, 0, 0});

        StepResult result = env.step(NO_TORQUE);

        // Every derivative is 0 up to cos(-pi/2) = 6.1e-17, which the four stages carry into the speeds.
        assertThat(result.observation()).containsExactly(new double[] {1, 0, 1, 0, 0, 0}, within(1e-14));
        assertThat(result.reward()).isEqualTo(-1.0);
        assertThat(result.terminated()).isFalse();
        assertThat(result.truncated()).isFalse();
    }

    @Test
    void fiveStepsMatchAnIndependentRungeKuttaOfTheLagrangianEquations() {
        double[][] actions = {POSITIVE_TORQUE, POSITIVE_TORQUE, NEGATIVE_TORQUE, NO_TORQUE, POSITIVE_TORQUE};
        double[] expected = {0.05, -0.03, 0.02, 0.01};
        Acrobot env = new Acrobot();
        env.setState(expected);

        for (double[] action : actions) {
            expected = ReferenceAcrobot.rk4Step(expected, action[0] - 1);
            StepResult result = env.step(action);
            // float32 observations, as Gymnasium's
            assertThat(result.observation()).containsExactly(Float32.round(Math.cos(expected[0]), Math.sin(expected[0]),
                    Math.cos(expected[1]), Math.sin(expected[1]), expected[2], expected[3]), within(1e-7));
            assertThat(result.reward()).isEqualTo(-1.0);
        }
    }

    @Test
    void fiveStepsMatchGymnasiumsNumbers() {
        // Gymnasium's step from [0.05, -0.03, 0.02, 0.01]: its _dsdt, rk4, wrap and bound transcribed line for line
        // into Python and evaluated with NumPy float64. They agree bit for bit on HotSpot x86-64; the tolerance
        // leaves room for other Math.cos implementations.
        Acrobot env = new Acrobot();
        env.setState(new double[] {0.05, -0.03, 0.02, 0.01});

        env.step(POSITIVE_TORQUE);
        assertThat(env.state()).containsExactly(new double[] {0.03396426807716706, 0.014028356136744108,
                -0.175464650251537, 0.4197156022652691}, within(1e-13));
        env.step(POSITIVE_TORQUE);
        assertThat(env.state()).containsExactly(new double[] {-0.016231987471804495, 0.12979767440777507,
                -0.31232424373614626, 0.7094698215459034}, within(1e-13));
        env.step(NEGATIVE_TORQUE);
        assertThat(env.state()).containsExactly(new double[] {-0.0576682850058025, 0.21577577468804512,
                -0.09182317700513473, 0.13093718714167968}, within(1e-13));
        env.step(NO_TORQUE);
        assertThat(env.state()).containsExactly(new double[] {-0.06427347197556416, 0.21327740470997725,
                0.026887333072935643, -0.15620369781731291}, within(1e-13));
        env.step(POSITIVE_TORQUE);
        assertThat(env.state()).containsExactly(new double[] {-0.06082606050498167, 0.18968811540194175,
                0.006191381160025527, -0.07519777817301536}, within(1e-13));
    }

    @Test
    void anglesAreWrappedIntoMinusPiToPi() {
        Acrobot env = new Acrobot();
        env.setState(new double[] {3.1, 0, 2, 0});

        env.step(NO_TORQUE);

        // theta1 swings past pi to 3.511... and comes back as 3.511 - 2 pi.
        assertThat(env.state()[0]).isCloseTo(-2.7719362846676403, within(1e-12));
        assertThat(Acrobot.wrap(3.5, -Math.PI, Math.PI)).isEqualTo(3.5 - 2 * Math.PI);
        assertThat(Acrobot.wrap(-7.0, -Math.PI, Math.PI)).isEqualTo(-7.0 + 2 * Math.PI);
        assertThat(Acrobot.wrap(10.0, -Math.PI, Math.PI)).isEqualTo(10.0 - 2 * Math.PI - 2 * Math.PI);
        assertThat(Acrobot.wrap(Math.PI, -Math.PI, Math.PI)).isEqualTo(Math.PI);
    }

    @Test
    void angularSpeedsAreBoundedToFourPiAndNinePi() {
        Acrobot env = new Acrobot();
        env.setState(new double[] {0, 0, 20, 40});

        StepResult result = env.step(NO_TORQUE);

        assertThat(result.observation()[4]).isEqualTo((float) (4 * Math.PI));
        assertThat(result.observation()[5]).isEqualTo((float) (-9 * Math.PI));
        assertThat(env.observationSpace().contains(result.observation())).isTrue();

        Acrobot mirrored = new Acrobot();
        mirrored.setState(new double[] {0, 0, -20, -40});
        StepResult mirroredResult = mirrored.step(NO_TORQUE);
        assertThat(mirroredResult.observation()[4]).isEqualTo((float) (-4 * Math.PI));
        assertThat(mirroredResult.observation()[5]).isEqualTo((float) (9 * Math.PI));
    }

    @Test
    void terminatesWithRewardZeroWhenTheFreeEndRisesAboveTheLine() {
        // Both links straight up: -cos(pi) - cos(pi) = 2 > 1, and the step barely moves them.
        Acrobot up = new Acrobot();
        up.setState(new double[] {Math.PI, 0, 0, 0});

        StepResult result = up.step(NO_TORQUE);

        assertThat(result.terminated()).isTrue();
        assertThat(result.truncated()).isFalse();
        assertThat(result.reward()).isEqualTo(0.0);
        assertThatThrownBy(() -> up.step(NO_TORQUE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Acrobot-v1")
                .hasMessageContaining("call reset()");

        // First link horizontal, second pointing up from its end: the tip, -cos(pi/2) - cos(pi/2 + pi/2) = 1, is on
        // the line, not above it, and falls during the step.
        Acrobot level = new Acrobot();
        level.setState(new double[] {Math.PI / 2, Math.PI / 2, 0, 0});
        StepResult levelResult = level.step(NO_TORQUE);
        assertThat(levelResult.terminated()).isFalse();
        assertThat(levelResult.reward()).isEqualTo(-1.0);
    }

    @Test
    void rejectsActionsOutsideDiscreteThree() {
        Acrobot env = new Acrobot();
        env.reset(0);

        for (double[] action : new double[][] {{3}, {-1}, {1.5}, {0, 1}, {}, {Double.NaN}}) {
            assertThatThrownBy(() -> env.step(action))
                    .isInstanceOf(InvalidActionException.class)
                    .hasMessageContaining("Acrobot-v1")
                    .hasMessageContaining("Discrete(3)");
        }
    }

    @Test
    void steppingBeforeResetIsAnError() {
        assertThatThrownBy(() -> new Acrobot().step(NO_TORQUE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Acrobot-v1")
                .hasMessageContaining("reset()");
    }

    @Test
    void resetSamplesEachStateComponentWithinOneTenth() {
        Acrobot env = new Acrobot();
        for (long seed = 0; seed < 100; seed++) {
            double[] observation = env.reset(seed);
            assertThat(observation).hasSize(6);
            assertThat(env.observationSpace().contains(observation)).isTrue();
            for (double v : env.state()) {
                assertThat(v).isBetween(-0.1, 0.1).isEqualTo((float) v); // Gymnasium rounds the start to float32
            }
            assertThat(observation).containsExactly(Float32.round(Math.cos(env.state()[0]), Math.sin(env.state()[0]),
                    Math.cos(env.state()[1]), Math.sin(env.state()[1]), env.state()[2], env.state()[3]), within(0.0));
        }
    }

    /**
     * The acrobot written independently of {@link Acrobot}: the two-link equations of motion
     * {@code M(q) q'' + h(q, q') + phi(q) = (0, torque)} solved with Cramer's rule, integrated
     * with the textbook Runge-Kutta formulas over one step of 0.2 s. Angles are not wrapped, so
     * this only follows trajectories that stay inside {@code [-pi, pi]} and under the speed bounds.
     */
    private static final class ReferenceAcrobot {
        private static final double G = 9.8;

        static double[] rk4Step(double[] y, double torque) {
            double h = 0.2;
            double[] k1 = derivative(y, torque);
            double[] k2 = derivative(add(y, k1, h / 2), torque);
            double[] k3 = derivative(add(y, k2, h / 2), torque);
            double[] k4 = derivative(add(y, k3, h), torque);
            double[] next = new double[4];
            for (int i = 0; i < 4; i++) {
                next[i] = y[i] + h * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]) / 6;
            }
            return next;
        }

        /** Unit masses, lengths and inertias; centres of mass halfway along the links. */
        static double[] derivative(double[] y, double torque) {
            double q1 = y[0];
            double q2 = y[1];
            double v1 = y[2];
            double v2 = y[3];
            // Mass matrix.
            double m11 = 0.25 + (1 + 0.25 + Math.cos(q2)) + 2;
            double m12 = 0.25 + 0.5 * Math.cos(q2) + 1;
            double m22 = 0.25 + 1;
            // Coriolis and centrifugal terms, gravity (angles measured from hanging straight down).
            double h1 = -0.5 * Math.sin(q2) * v2 * v2 - Math.sin(q2) * v1 * v2;
            double h2 = 0.5 * Math.sin(q2) * v1 * v1;
            double gravity2 = 0.5 * G * Math.sin(q1 + q2);
            double gravity1 = 1.5 * G * Math.sin(q1) + gravity2;
            double rhs1 = -h1 - gravity1;
            double rhs2 = torque - h2 - gravity2;
            double determinant = m11 * m22 - m12 * m12;
            double a1 = (rhs1 * m22 - m12 * rhs2) / determinant;
            double a2 = (m11 * rhs2 - m12 * rhs1) / determinant;
            return new double[] {v1, v2, a1, a2};
        }

        private static double[] add(double[] y, double[] k, double scale) {
            double[] out = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                out[i] = y[i] + scale * k[i];
            }
            return out;
        }
    }
}
