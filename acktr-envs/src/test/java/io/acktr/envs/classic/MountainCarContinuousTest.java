package io.acktr.envs.classic;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.InvalidActionException;
import io.acktr.api.env.StepResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MountainCarContinuousTest {
    @Test
    void hasGymnasiumIdAndSpaces() {
        MountainCarContinuous env = new MountainCarContinuous();

        assertThat(env.id()).isEqualTo("MountainCarContinuous-v0");
        assertThat(env.actionSpace()).isEqualTo(BoxSpace.uniform(-1.0, 1.0, 1));
        BoxSpace observations = (BoxSpace) env.observationSpace();
        assertThat(observations.low()).containsExactly(Float32.round(-1.2, -0.07)); // Gymnasium's float32 bounds
        assertThat(observations.high()).containsExactly(Float32.round(0.6, 0.07));
    }

    @Test
    void threeStepsFollowTheEquationsAndPayForTheAction() {
        MountainCarContinuous env = new MountainCarContinuous();
        env.setState(new double[] {-0.5, 0.0});

        // Step 1, a = 0.5: v = 0.5 * 0.0015 - 0.0025 * cos(-1.5) = 0.00075 - 0.000176843... = 0.000573157...; reward -0.1 * 0.25
        double velocity = 0.0 + 0.5 * 0.0015 - 0.0025 * Math.cos(3 * -0.5);
        double position = -0.5 + velocity;
        assertThat(velocity).isCloseTo(0.00057315699583074, within(1e-16));
        StepResult first = env.step(new double[] {0.5});
        assertStep(first, position, velocity);
        assertThat(first.reward()).isCloseTo(-0.025, within(1e-17));

        // Step 2, a = -0.3.
        velocity = velocity + -0.3 * 0.0015 - 0.0025 * Math.cos(3 * position);
        position = position + velocity;
        StepResult second = env.step(new double[] {-0.3});
        assertStep(second, position, velocity);
        assertThat(second.reward()).isCloseTo(-0.1 * 0.09, within(1e-9)); // the action is the float32 nearest -0.3

        // Step 3, a = 0: no cost.
        velocity = velocity + 0.0 * 0.0015 - 0.0025 * Math.cos(3 * position);
        position = position + velocity;
        StepResult third = env.step(new double[] {0.0});
        assertStep(third, position, velocity);
        assertThat(third.reward()).isZero();
        assertThat(third.done()).isFalse();
    }

    @Test
    void theForceIsClippedButThePenaltySquaresTheActionAsGiven() {
        MountainCarContinuous clipped = new MountainCarContinuous();
        clipped.setState(new double[] {-0.5, 0.0});
        MountainCarContinuous full = new MountainCarContinuous();
        full.setState(new double[] {-0.5, 0.0});

        StepResult pushedHard = clipped.step(new double[] {3.0});
        StepResult pushedFully = full.step(new double[] {1.0});

        assertThat(pushedHard.observation()).containsExactly(pushedFully.observation());
        assertThat(pushedHard.reward()).isCloseTo(-0.1 * 9.0, within(1e-15));
        assertThat(pushedFully.reward()).isCloseTo(-0.1, within(1e-15));
    }

    @Test
    void reachingPositionFortyFiveHundredthsPaysOneHundredMinusTheActionCost() {
        // v = 0.03 + 0.0015 - 0.0025 * cos(1.32) = 0.0315 - 0.000620...; x = 0.44 + v = 0.4709 >= 0.45
        MountainCarContinuous env = new MountainCarContinuous();
        env.setState(new double[] {0.44, 0.03});

        StepResult result = env.step(new double[] {1.0});

        assertThat(result.observation()[0]).isCloseTo(0.44 + 0.03 + 0.0015 - 0.0025 * Math.cos(1.32), within(1e-7));
        assertThat(result.terminated()).isTrue();
        assertThat(result.truncated()).isFalse();
        assertThat(result.reward()).isCloseTo(100.0 - 0.1, within(1e-12));
        assertThatThrownBy(() -> env.step(new double[] {0.0}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MountainCarContinuous-v0");

        // Between 0.45 and the goal of MountainCar-v0, rolling back: not terminated.
        MountainCarContinuous rollingBack = new MountainCarContinuous();
        rollingBack.setState(new double[] {0.47, -0.01});
        StepResult back = rollingBack.step(new double[] {0.0});
        assertThat(back.observation()[0]).isGreaterThan(0.45);
        assertThat(back.terminated()).isFalse();
        assertThat(back.reward()).isZero();
    }

    @Test
    void velocityAndPositionAreClippedAndTheLeftWallStopsTheCar() {
        MountainCarContinuous fast = new MountainCarContinuous();
        fast.setState(new double[] {-1.0, 0.069}); // 0.069 + 0.0015 + 0.0025 * 0.98999... > 0.07
        assertStep(fast.step(new double[] {1.0}), -1.0 + 0.07, 0.07);

        MountainCarContinuous wall = new MountainCarContinuous();
        wall.setState(new double[] {-1.19, -0.05});
        assertStep(wall.step(new double[] {-1.0}), -1.2, 0.0);
    }

    @Test
    void rejectsActionsOfTheWrongLengthOrNotFinite() {
        MountainCarContinuous env = new MountainCarContinuous();
        env.reset(0);

        for (double[] action : new double[][] {{}, {0.1, 0.2}, {Double.NaN}, {Double.NEGATIVE_INFINITY}}) {
            assertThatThrownBy(() -> env.step(action))
                    .isInstanceOf(InvalidActionException.class)
                    .hasMessageContaining("MountainCarContinuous-v0")
                    .hasMessageContaining("Box(-1.0, 1.0, [1])");
        }
        assertThatThrownBy(() -> env.step(null)).isInstanceOf(InvalidActionException.class);
    }

    @Test
    void steppingBeforeResetIsAnError() {
        assertThatThrownBy(() -> new MountainCarContinuous().step(new double[] {0.0}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MountainCarContinuous-v0")
                .hasMessageContaining("reset()");
    }

    @Test
    void resetStartsAtRestBetweenMinusSixAndMinusFourTenths() {
        MountainCarContinuous env = new MountainCarContinuous();
        for (long seed = 0; seed < 100; seed++) {
            double[] observation = env.reset(seed);
            assertThat(observation[0]).isBetween(-0.6, -0.4);
            assertThat(observation[1]).isEqualTo(0.0);
        }
    }

    /** The state is float32 after every step, as Gymnasium's: equal to float32 precision. */
    private static void assertStep(StepResult result, double position, double velocity) {
        assertThat(result.observation()).containsExactly(new double[] {position, velocity}, within(1e-7));
    }
}
