package io.acktr.envs.classic;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.InvalidActionException;
import io.acktr.api.env.StepResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MountainCarTest {
    private static final double[] LEFT = {0};
    private static final double[] COAST = {1};
    private static final double[] RIGHT = {2};

    @Test
    void hasGymnasiumIdAndSpaces() {
        MountainCar env = new MountainCar();

        assertThat(env.id()).isEqualTo("MountainCar-v0");
        assertThat(env.actionSpace()).isEqualTo(new DiscreteSpace(3));
        BoxSpace observations = (BoxSpace) env.observationSpace();
        assertThat(observations.shape()).containsExactly(2);
        assertThat(observations.low()).containsExactly(Float32.round(-1.2, -0.07)); // Gymnasium's float32 bounds
        assertThat(observations.high()).containsExactly(Float32.round(0.6, 0.07));
    }

    @Test
    void threeStepsFollowTheEquationsInOrder() {
        MountainCar env = new MountainCar();
        env.setState(new double[] {-0.5, 0.0});

        // Step 1, right: v = 0 + 1 * 0.001 + cos(-1.5) * -0.0025 = 0.001 - 0.000176843... = 0.000823157...
        double velocity = 0.0 + (2 - 1) * 0.001 + Math.cos(3 * -0.5) * (-0.0025);
        double position = -0.5 + velocity;
        assertThat(velocity).isCloseTo(0.00082315699583074, within(1e-16));
        assertStep(env.step(RIGHT), position, velocity);

        // Step 2, coast: only gravity.
        velocity = velocity + (1 - 1) * 0.001 + Math.cos(3 * position) * (-0.0025);
        position = position + velocity;
        assertStep(env.step(COAST), position, velocity);

        // Step 3, left.
        velocity = velocity + (0 - 1) * 0.001 + Math.cos(3 * position) * (-0.0025);
        position = position + velocity;
        StepResult third = env.step(LEFT);
        assertStep(third, position, velocity);
        assertThat(third.reward()).isEqualTo(-1.0);
        assertThat(third.done()).isFalse();
    }

    @Test
    void velocityIsClippedToSevenHundredthsBeforeMovingThePosition() {
        MountainCar env = new MountainCar();
        // At -1.0 gravity pushes right: v = 0.069 + 0.001 - cos(-3) * 0.0025 = 0.069 + 0.001 + 0.002475 > 0.07.
        env.setState(new double[] {-1.0, 0.069});

        StepResult result = env.step(RIGHT);

        assertStep(result, -1.0 + 0.07, 0.07);
    }

    @Test
    void theLeftWallStopsTheCar() {
        MountainCar env = new MountainCar();
        // v = -0.05 - 0.001 - cos(-3.57) * 0.0025 = -0.05 - 0.001 + 0.00226... = -0.04873...; -1.19 + v < -1.2
        env.setState(new double[] {-1.19, -0.05});

        StepResult result = env.step(LEFT);

        assertStep(result, -1.2, 0.0);
        assertThat(result.observation()[1]).isEqualTo(0.0);
    }

    @Test
    void terminatesOnlyAtTheGoalMovingRightAndStillCostsOne() {
        // v = 0.02 - cos(1.47) * 0.0025 = 0.01975...; x = 0.49 + v = 0.5097... >= 0.5 with v >= 0.
        MountainCar reaching = new MountainCar();
        reaching.setState(new double[] {0.49, 0.02});
        StepResult reached = reaching.step(COAST);
        assertThat(reached.observation()[0]).isGreaterThanOrEqualTo(0.5);
        assertThat(reached.terminated()).isTrue();
        assertThat(reached.truncated()).isFalse();
        assertThat(reached.reward()).isEqualTo(-1.0);
        assertThatThrownBy(() -> reaching.step(COAST))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MountainCar-v0")
                .hasMessageContaining("call reset()");

        // Past the goal but rolling back: v = -0.001 - 0.001 - cos(1.65) * 0.0025 = -0.00180...; x = 0.548...
        MountainCar rollingBack = new MountainCar();
        rollingBack.setState(new double[] {0.55, -0.001});
        StepResult back = rollingBack.step(LEFT);
        assertThat(back.observation()[0]).isGreaterThan(0.5);
        assertThat(back.observation()[1]).isNegative();
        assertThat(back.terminated()).isFalse();

        // The right edge clips the position to 0.6 and keeps the velocity.
        MountainCar edge = new MountainCar();
        edge.setState(new double[] {0.59, 0.06});
        StepResult clipped = edge.step(RIGHT);
        assertThat(clipped.observation()[0]).isEqualTo((float) 0.6);
        assertThat(clipped.observation()[1]).isCloseTo((float) (0.06 + 0.001 - Math.cos(1.77) * 0.0025), within(1e-15));
        assertThat(clipped.terminated()).isTrue();
    }

    @Test
    void aWholeEpisodeEndsWhereGymnasiumsEnds() {
        // Gymnasium's step transcribed line for line into Python and run with NumPy float64 from [-0.5, 0],
        // pushing the way the car moves, reaches the flag on step 124 at [0.5349499825655736, 0.04819097792866507].
        MountainCar env = new MountainCar();
        env.setState(new double[] {-0.5, 0.0});
        double[] observation = {-0.5, 0.0};
        StepResult result;
        int steps = 0;
        do {
            result = env.step(observation[1] >= 0 ? RIGHT : LEFT);
            observation = result.observation();
            steps++;
        } while (!result.terminated());

        assertThat(steps).isEqualTo(124);
        assertThat(observation).containsExactly(Float32.round(0.5349499825655736, 0.04819097792866507), within(1e-14));
    }

    @Test
    void rejectsActionsOutsideDiscreteThree() {
        MountainCar env = new MountainCar();
        env.reset(0);

        for (double[] action : new double[][] {{3}, {-1}, {0.5}, {1, 1}, {}, {Double.NaN}}) {
            assertThatThrownBy(() -> env.step(action))
                    .isInstanceOf(InvalidActionException.class)
                    .hasMessageContaining("MountainCar-v0")
                    .hasMessageContaining("Discrete(3)");
        }
        assertThatThrownBy(() -> env.step(null)).isInstanceOf(InvalidActionException.class);
    }

    @Test
    void steppingBeforeResetIsAnError() {
        assertThatThrownBy(() -> new MountainCar().step(COAST))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MountainCar-v0")
                .hasMessageContaining("reset()");
    }

    @Test
    void resetStartsAtRestBetweenMinusSixAndMinusFourTenths() {
        MountainCar env = new MountainCar();
        for (long seed = 0; seed < 100; seed++) {
            double[] observation = env.reset(seed);
            assertThat(observation[0]).isBetween(-0.6, -0.4);
            assertThat(observation[1]).isEqualTo(0.0);
        }
    }

    private static void assertStep(StepResult result, double position, double velocity) {
        assertThat(result.observation()).containsExactly(Float32.round(position, velocity), within(1e-15));
    }
}
