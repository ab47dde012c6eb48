package io.acktr.envs.minatar;

import static io.acktr.envs.minatar.Cells.at;
import static io.acktr.envs.minatar.Freeway.CAR;
import static io.acktr.envs.minatar.Freeway.CHANNELS;
import static io.acktr.envs.minatar.Freeway.CHICKEN;
import static io.acktr.envs.minatar.Freeway.FASTEST_TRAIL;
import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.env.StepResult;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreewayTest {
    @Test
    void anEpisodeStartsWithTheChickenAtTheBottomAndOneCarInEveryLane() {
        double[] observation = new Freeway(0.0).reset(4);

        assertThat(Cells.of(observation, CHANNELS, CHICKEN)).containsExactly(at(9, 4));
        Set<Position> cars = Cells.of(observation, CHANNELS, CAR);
        assertThat(cars).hasSize(8).extracting(Position::row).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        for (Position car : cars) {
            Set<Position> trail = trailsIn(observation, car.row());
            assertThat(trail).hasSize(1);
            int trailColumn = trail.iterator().next().column();
            assertThat(Math.floorMod(trailColumn - car.column(), 10)).isIn(1, 9);
        }
    }

    @Test
    void theChickenMovesUpOrDownAtMostOnceEveryThreeSteps() {
        Freeway game = calmGame();

        assertThat(chickenAfter(game, MinAtarAction.UP)).isEqualTo(8);
        assertThat(chickenAfter(game, MinAtarAction.UP)).isEqualTo(8);
        assertThat(chickenAfter(game, MinAtarAction.DOWN)).isEqualTo(8);
        assertThat(chickenAfter(game, MinAtarAction.UP)).isEqualTo(7);
        assertThat(chickenAfter(game, MinAtarAction.NOOP)).isEqualTo(7);
        assertThat(chickenAfter(game, MinAtarAction.NOOP)).isEqualTo(7);
        assertThat(chickenAfter(game, MinAtarAction.DOWN)).isEqualTo(8);
    }

    @Test
    void aChickenThatHasRestedMovesAtOnceButNeverTwiceInThreeSteps() {
        Freeway game = calmGame();
        for (int i = 0; i < 10; i++) {
            step(game, MinAtarAction.NOOP);
        }

        assertThat(chickenAfter(game, MinAtarAction.UP)).isEqualTo(8);
        assertThat(chickenAfter(game, MinAtarAction.UP)).isEqualTo(8);
    }

    @Test
    void theChickenCannotGoBelowTheBottomRowAndTryingDoesNotTireIt() {
        Freeway game = calmGame();

        assertThat(chickenAfter(game, MinAtarAction.DOWN)).isEqualTo(9);
        assertThat(chickenAfter(game, MinAtarAction.UP)).isEqualTo(8);
    }

    @Test
    void leftRightAndFireDoNothing() {
        Freeway game = calmGame();

        for (MinAtarAction action : new MinAtarAction[] {MinAtarAction.LEFT, MinAtarAction.RIGHT, MinAtarAction.FIRE}) {
            double[] observation = step(game, action).observation();
            assertThat(Cells.of(observation, CHANNELS, CHICKEN)).containsExactly(at(9, 4));
        }
    }

    @Test
    void reachingTheTopPaysOneAndPutsTheChickenBackAtTheBottom() {
        Freeway game = calmGame();
        game.placeChicken(1);

        StepResult result = step(game, MinAtarAction.UP);

        assertThat(result.reward()).isEqualTo(1.0);
        assertThat(result.terminated()).isFalse();
        assertThat(Cells.of(result.observation(), CHANNELS, CHICKEN)).containsExactly(at(9, 4));
    }

    @Test
    void reachingTheTopGivesTheCarsNewSpeedsAndDirections() {
        Set<Integer> velocities = new HashSet<>();
        for (long seed = 0; seed < 10; seed++) {
            Freeway game = new Freeway(0.0);
            game.reset(seed);
            calmTraffic(game);
            game.placeChicken(1);

            step(game, MinAtarAction.UP);

            for (int lane = 1; lane <= 8; lane++) {
                velocities.add(game.carVelocity(lane));
            }
        }
        assertThat(velocities).containsExactlyInAnyOrder(-5, -4, -3, -2, -1, 1, 2, 3, 4, 5);
    }

    @Test
    void aCarThatDrivesIntoTheChickenSendsItBackToTheBottom() {
        Freeway game = calmGame();
        game.placeChicken(5);
        game.placeCar(5, 3, 1, 1);

        StepResult result = step(game, MinAtarAction.NOOP);

        assertThat(result.reward()).isZero();
        assertThat(Cells.of(result.observation(), CHANNELS, CHICKEN)).containsExactly(at(9, 4));
    }

    @Test
    void aChickenThatStepsOntoAStandingCarIsSentBack() {
        Freeway game = calmGame();
        game.placeChicken(6);
        game.placeCar(5, 4, 1, 5);

        assertThat(chickenAfter(game, MinAtarAction.UP)).isEqualTo(9);
    }

    @Test
    void carsReappearOnTheOtherSideWhenTheyPassAnEdge() {
        Freeway game = calmGame();
        game.placeCar(2, 9, 1, 1);
        game.placeCar(3, 0, -1, 1);

        double[] observation = step(game, MinAtarAction.NOOP).observation();

        assertThat(Cells.of(observation, CHANNELS, CAR)).contains(at(2, 0), at(3, 9));
        assertThat(trailsIn(observation, 2)).containsExactly(at(2, 9));
        assertThat(trailsIn(observation, 3)).containsExactly(at(3, 0));
    }

    @Test
    void aCarMovesOnceEveryOneToFiveStepsAndItsTrailChannelTellsHowOften() {
        for (int pace = 1; pace <= 5; pace++) {
            Freeway game = calmGame();
            game.placeCar(2, 0, 1, pace);

            for (int i = 1; i < pace; i++) {
                assertThat(carIn(step(game, MinAtarAction.NOOP).observation(), 2)).isEqualTo(at(2, 0));
            }
            double[] observation = step(game, MinAtarAction.NOOP).observation();

            assertThat(carIn(observation, 2)).isEqualTo(at(2, 1));
            for (int channel = FASTEST_TRAIL; channel < CHANNELS; channel++) {
                boolean expected = channel == FASTEST_TRAIL + pace - 1;
                assertThat(Cells.of(observation, CHANNELS, channel).contains(at(2, 0)))
                        .as("trail channel %d of a car moving every %d steps", channel, pace).isEqualTo(expected);
            }
        }
    }

    @Test
    void theEpisodeEndsAfter2500Steps() {
        Freeway game = new Freeway(0.0);
        game.reset(6);

        for (int i = 1; i < 2500; i++) {
            assertThat(step(game, MinAtarAction.NOOP).terminated()).as("step %d", i).isFalse();
        }
        StepResult last = step(game, MinAtarAction.NOOP);

        assertThat(last.terminated()).isTrue();
        assertThat(last.truncated()).isFalse();
    }

    @Test
    void aRandomPolicyAlmostNeverCrosses() {
        // Over 400 episodes: 0.065 crossings per episode (MinAtar's documentation gives no figure).
        RandomPolicy.Returns returns = RandomPolicy.play(new Freeway(), 150, 2024);

        assertThat(returns.mean()).isBetween(0.0, 0.2);
        assertThat(returns.meanLength()).isEqualTo(2500.0);
    }

    @Test
    void alwaysGoingUpCrossesSeveralTimesAnEpisode() {
        // The lowest bar a learner has to clear: over 200 episodes 8.3 crossings per episode.
        Freeway game = new Freeway();
        game.reset(2024);
        double crossings = 0;
        for (int episode = 0; episode < 20; episode++) {
            if (episode > 0) {
                game.reset();
            }
            StepResult result;
            do {
                result = step(game, MinAtarAction.UP);
                crossings += result.reward();
            } while (!result.done());
        }

        assertThat(crossings / 20).isBetween(5.0, 12.0);
    }

    /** A seeded game whose cars all sit right of the chicken, driving right as slowly as they can. */
    private static Freeway calmGame() {
        Freeway game = new Freeway(0.0);
        game.reset(0);
        calmTraffic(game);
        return game;
    }

    private static void calmTraffic(Freeway game) {
        for (int lane = 1; lane <= 8; lane++) {
            game.placeCar(lane, 5, 1, 5);
        }
    }

    private static StepResult step(MinAtarGame game, MinAtarAction action) {
        return game.step(action.asDiscrete());
    }

    private static int chickenAfter(Freeway game, MinAtarAction action) {
        Set<Position> chicken = Cells.of(step(game, action).observation(), CHANNELS, CHICKEN);
        assertThat(chicken).hasSize(1);
        return chicken.iterator().next().row();
    }

    private static Position carIn(double[] observation, int lane) {
        Set<Position> cars = new HashSet<>(Cells.of(observation, CHANNELS, CAR));
        cars.removeIf(car -> car.row() != lane);
        assertThat(cars).hasSize(1);
        return cars.iterator().next();
    }

    private static Set<Position> trailsIn(double[] observation, int lane) {
        Set<Position> trail = new HashSet<>();
        for (int channel = FASTEST_TRAIL; channel < CHANNELS; channel++) {
            for (Position cell : Cells.of(observation, CHANNELS, channel)) {
                if (cell.row() == lane) {
                    trail.add(cell);
                }
            }
        }
        return trail;
    }
}
