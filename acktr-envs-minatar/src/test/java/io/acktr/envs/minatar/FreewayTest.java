package io.acktr.envs.minatar;

import static io.acktr.envs.minatar.Freeway.CAR;
import static io.acktr.envs.minatar.Freeway.CHANNELS;
import static io.acktr.envs.minatar.Freeway.CHICKEN;
import static io.acktr.envs.minatar.Freeway.SPEED_1;
import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.env.StepResult;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreewayTest {
    private static final double[] NOOP = MinAtarAction.NOOP.asDiscrete();
    private static final double[] UP = MinAtarAction.UP.asDiscrete();

    @Test
    void startsWithTheChickenAtTheBottomAndOneCarPerLaneAtTheLeftEdge() {
        Freeway game = new Freeway(0.0);
        double[] observation = game.reset(6);

        assertThat(Cell.in(observation, CHANNELS, CHICKEN)).containsExactly(new Cell(9, 4));
        assertThat(Cell.in(observation, CHANNELS, CAR)).isEqualTo(Cell.block(1, 8, 0, 0));
        for (int row = 1; row <= 8; row++) {
            int speed = game.carSpeed(row);
            assertThat(Math.abs(speed)).isBetween(1, 5);
            // The trail sits behind the car, wrapping around the edge, in the channel of its speed.
            Cell trail = new Cell(row, speed > 0 ? 9 : 1);
            for (int channel = SPEED_1; channel < SPEED_1 + 5; channel++) {
                assertThat(Cell.in(observation, CHANNELS, channel).contains(trail))
                        .as("lane %d, speed %d, channel %d", row, speed, channel)
                        .isEqualTo(channel == SPEED_1 + Math.abs(speed) - 1);
            }
        }
    }

    @Test
    void chickenCanStepOnlyOnceEveryThreeSteps() {
        Freeway game = withQuietTraffic();
        int[] rows = new int[8];
        for (int step = 0; step < rows.length; step++) {
            rows[step] = chickenRow(game.step(UP));
        }

        // The countdown starts at 3, so the first step up comes on the fourth step.
        assertThat(rows).containsExactly(9, 9, 9, 8, 8, 8, 7, 7);
    }

    @Test
    void chickenMovesDownButNeverBelowTheBottomRow() {
        Freeway game = withQuietTraffic();
        game.placeChicken(8);
        game.setMoveTimer(0);

        assertThat(chickenRow(game.step(MinAtarAction.DOWN.asDiscrete()))).isEqualTo(9);
        game.setMoveTimer(0);
        assertThat(chickenRow(game.step(MinAtarAction.DOWN.asDiscrete()))).isEqualTo(9);
    }

    @Test
    void reachingTheTopPaysOneAndStartsTheChickenAgainWithNewCarSpeeds() {
        Set<String> speedsAfterCrossing = new HashSet<>();
        for (long seed = 0; seed < 5; seed++) {
            Freeway game = withQuietTraffic(seed);
            game.placeChicken(1);
            game.setMoveTimer(0);

            StepResult result = game.step(UP);

            assertThat(result.reward()).isEqualTo(1.0);
            assertThat(result.terminated()).isFalse();
            assertThat(chickenRow(result)).isEqualTo(9);
            StringBuilder speeds = new StringBuilder();
            for (int row = 1; row <= 8; row++) {
                assertThat(Math.abs(game.carSpeed(row))).isBetween(1, 5);
                speeds.append(game.carSpeed(row)).append(' ');
            }
            speedsAfterCrossing.add(speeds.toString());
        }
        assertThat(speedsAfterCrossing).hasSizeGreaterThan(1);
    }

    @Test
    void carDrivingIntoTheChickenSendsItBackToTheBottom() {
        Freeway game = withQuietTraffic();
        game.placeChicken(5);
        game.placeCar(5, 3, 1, 0);

        StepResult result = game.step(NOOP);

        assertThat(result.reward()).isZero();
        assertThat(result.terminated()).isFalse();
        assertThat(chickenRow(result)).isEqualTo(9);
        assertThat(Cell.in(result.observation(), CHANNELS, CAR)).contains(new Cell(5, 4));
    }

    @Test
    void carsMoveOnceEveryAbsoluteSpeedPlusOneStepsAndWrapAround() {
        Freeway game = withQuietTraffic();
        game.placeCar(2, 0, -2, 0);

        assertThat(carColumn(game.step(NOOP), 2)).isEqualTo(9);
        assertThat(carColumn(game.step(NOOP), 2)).isEqualTo(9);
        assertThat(carColumn(game.step(NOOP), 2)).isEqualTo(9);
        StepResult moved = game.step(NOOP);
        assertThat(carColumn(moved, 2)).isEqualTo(8);
        // Moving left at speed 2: the trail is on the right, in the speed-2 channel.
        assertThat(Cell.in(moved.observation(), CHANNELS, SPEED_1 + 1)).contains(new Cell(2, 9));
    }

    @Test
    void theGameClockEndsTheEpisodeOnTheStepAfterTwoThousandFiveHundred() {
        Freeway game = new Freeway(0.0);
        game.reset(1);

        for (int step = 1; step <= 2500; step++) {
            assertThat(game.step(NOOP).done()).as("step %d", step).isFalse();
        }
        StepResult last = game.step(NOOP);

        assertThat(last.terminated()).isTrue();
        assertThat(last.truncated()).isFalse();
    }

    @Test
    void randomPolicyRarelyCrossesAsInMinAtar() {
        // MinAtar's own Freeway code under a random policy (200 episodes): 0.15 +- 0.03.
        RandomPolicy.Returns returns = RandomPolicy.play(new Freeway(), 200, 2024);

        assertThat(returns.mean()).isBetween(0.05, 0.30);
        assertThat(returns.meanLength()).isEqualTo(2501.0);
    }

    private static Freeway withQuietTraffic() {
        return withQuietTraffic(0);
    }

    /** A game whose cars all sit at the right edge, driving right as slowly as possible. */
    private static Freeway withQuietTraffic(long seed) {
        Freeway game = new Freeway(0.0);
        game.reset(seed);
        for (int row = 1; row <= 8; row++) {
            game.placeCar(row, 9, 5, 5);
        }
        return game;
    }

    private static int chickenRow(StepResult result) {
        return Cell.in(result.observation(), CHANNELS, CHICKEN).iterator().next().row();
    }

    private static int carColumn(StepResult result, int row) {
        return Cell.in(result.observation(), CHANNELS, CAR).stream()
                .filter(cell -> cell.row() == row).findFirst().orElseThrow().column();
    }
}
