package io.acktr.envs.classic;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.InvalidActionException;
import io.acktr.api.env.StepResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CartPoleTest {
    private static final double[] LEFT = {0};
    private static final double[] RIGHT = {1};

    @Test
    void hasGymnasiumIdAndSpaces() {
        CartPole env = new CartPole();

        assertThat(env.id()).isEqualTo("CartPole-v1");
        assertThat(env.actionSpace()).isEqualTo(new DiscreteSpace(2));
        BoxSpace observations = (BoxSpace) env.observationSpace();
        assertThat(observations.shape()).containsExactly(4);
        assertThat(observations.high(0)).isEqualTo((float) 4.8); // Gymnasium's float32 bounds
        assertThat(observations.high(1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(observations.high(2)).isCloseTo(0.418879, within(1e-6));
        assertThat(observations.high(3)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(observations.low()).containsExactly((float) -4.8, Double.NEGATIVE_INFINITY, -observations.high(2),
                Double.NEGATIVE_INFINITY);
    }

    @Test
    void pushingRightFromRestFollowsTheEquationsExactly() {
        // From rest, sin(theta) = 0 and cos(theta) = 1:
        //   temp      = 10 / 1.1                                   = 100/11
        //   thetaacc  = (0 - 100/11) / (0.5 * (4/3 - 0.1/1.1))     = -(100/11) / (41/66) = -600/41
        //   xacc      = 100/11 - 0.05 * (-600/41) / 1.1             = 100/11 + 300/451   = 400/41
        //   x' = 0, x_dot' = 0.02 * 400/41 = 8/41, theta' = 0, theta_dot' = 0.02 * -600/41 = -12/41
        CartPole env = new CartPole();
        env.setState(new double[] {0, 0, 0, 0});

        StepResult result = env.step(RIGHT);

        assertThat(result.observation()[0]).isEqualTo(0.0);
        assertThat(result.observation()[1]).isCloseTo((float) (8.0 / 41), within(1e-15));
        assertThat(result.observation()[2]).isEqualTo(0.0);
        assertThat(result.observation()[3]).isCloseTo((float) (-12.0 / 41), within(1e-15));
        assertThat(result.reward()).isEqualTo(1.0);
        assertThat(result.terminated()).isFalse();
        assertThat(result.truncated()).isFalse();
    }

    @Test
    void threeStepsFromAFixedStateMatchTheHandDerivedTrajectory() {
        CartPole env = new CartPole();
        env.setState(new double[] {0.01, -0.02, 0.03, 0.04});

        // Step 1, action 1 (force +10), theta = 0.03, theta_dot = 0.04:
        //   temp     = (10 + 0.05 * 0.04^2 * sin 0.03) / 1.1                       = 9.090911272400014
        //   thetaacc = (9.8 sin 0.03 - cos 0.03 * temp) / (0.5 (4/3 - 0.1 cos^2 0.03 / 1.1)) = -14.153435898000405
        //   xacc     = temp - 0.05 * thetaacc * cos 0.03 / 1.1                        = 9.733959787377762
        //   state    = [0.01 + 0.02*-0.02, -0.02 + 0.02*xacc, 0.03 + 0.02*0.04, 0.04 + 0.02*thetaacc]
        assertState(env.step(RIGHT), 0.0096, 0.17467919574755525, 0.0308, -0.2430687179600081);

        // Step 2, action 0 (force -10): temp = -9.09082638862401, thetaacc = 15.111835894971234,
        //   xacc = -9.777402234787361
        assertState(env.step(LEFT), 0.013093583914951107, -0.020868848948191993, 0.025938625640799837,
                0.0591679999394166);

        // Step 3, action 1: temp = 9.090913218050575, thetaacc = -14.219378624954492, xacc = 9.737031191083664
        StepResult third = env.step(RIGHT);
        assertState(third, 0.012676206935987267, 0.1738717748734813, 0.02712198563958817, -0.22521957255967326);
        assertThat(third.reward()).isEqualTo(1.0);
        assertThat(third.done()).isFalse();
    }

    @Test
    void terminatesWhenTheCartLeavesTheTrackAndStillPaysTheReward() {
        CartPole right = new CartPole();
        right.setState(new double[] {2.39, 1.0, 0, 0}); // x' = 2.39 + 0.02 = 2.41 > 2.4
        CartPole left = new CartPole();
        left.setState(new double[] {-2.39, -1.0, 0, 0});

        StepResult rightResult = right.step(RIGHT);
        StepResult leftResult = left.step(LEFT);

        assertThat(rightResult.terminated()).isTrue();
        assertThat(rightResult.truncated()).isFalse();
        assertThat(rightResult.reward()).isEqualTo(1.0);
        assertThat(leftResult.terminated()).isTrue();
        assertThat(leftResult.reward()).isEqualTo(1.0);
    }

    @Test
    void terminatesWhenThePoleTipsPastTwelveDegrees() {
        // 12 degrees = 0.20943951 rad; theta' = 0.2 + 0.02 * 1.0 = 0.22
        CartPole forward = new CartPole();
        forward.setState(new double[] {0, 0, 0.2, 1.0});
        CartPole backward = new CartPole();
        backward.setState(new double[] {0, 0, -0.2, -1.0});
        CartPole upright = new CartPole();
        upright.setState(new double[] {0, 0, 0.2, 0.4}); // theta' = 0.208 < 0.2094

        assertThat(forward.step(RIGHT).terminated()).isTrue();
        assertThat(backward.step(LEFT).terminated()).isTrue();
        assertThat(upright.step(RIGHT).terminated()).isFalse();
    }

    @Test
    void steppingAfterTerminationIsAnErrorUntilReset() {
        CartPole env = new CartPole();
        env.setState(new double[] {2.39, 1.0, 0, 0});
        env.step(RIGHT);

        assertThatThrownBy(() -> env.step(RIGHT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CartPole-v1")
                .hasMessageContaining("call reset()");

        env.reset(1);
        assertThat(env.step(RIGHT).reward()).isEqualTo(1.0);
    }

    @Test
    void steppingBeforeResetIsAnError() {
        assertThatThrownBy(() -> new CartPole().step(RIGHT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CartPole-v1")
                .hasMessageContaining("reset()");
    }

    @Test
    void rejectsActionsOutsideDiscreteTwo() {
        CartPole env = new CartPole();
        env.reset(0);

        for (double[] action : new double[][] {{2}, {-1}, {0.5}, {0, 1}, {}}) {
            assertThatThrownBy(() -> env.step(action))
                    .isInstanceOf(InvalidActionException.class)
                    .hasMessageContaining("CartPole-v1")
                    .hasMessageContaining("Discrete(2)");
        }
        assertThatThrownBy(() -> env.step(null)).isInstanceOf(InvalidActionException.class);
    }

    @Test
    void resetSamplesEachStateComponentWithinFiveHundredths() {
        CartPole env = new CartPole();
        for (long seed = 0; seed < 100; seed++) {
            double[] observation = env.reset(seed);
            assertThat(observation).hasSize(4);
            for (double v : observation) {
                assertThat(v).isBetween(-0.05, 0.05);
            }
        }
    }

    private static void assertState(StepResult result, double x, double xDot, double theta, double thetaDot) {
        // observations are float32, as Gymnasium's
        assertThat(result.observation()).containsExactly(Float32.round(x, xDot, theta, thetaDot), within(1e-12));
    }
}
