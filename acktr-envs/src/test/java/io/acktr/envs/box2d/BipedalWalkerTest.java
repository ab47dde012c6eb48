package io.acktr.envs.box2d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.InvalidActionException;
import io.acktr.api.env.StepResult;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BipedalWalkerTest {
    private static final double START_X = WalkerTerrain.TERRAIN_STEP * WalkerTerrain.TERRAIN_STARTPAD / 2;

    @Test
    void observationsAreHullJointsContactsAndTenLidarFractions() {
        BoxSpace space = (BoxSpace) new BipedalWalker().observationSpace();

        assertThat(space.shape()).containsExactly(24);
        assertThat(space.high(0)).isEqualTo(Math.PI);
        assertThat(space.low(8)).isEqualTo(-0.0);
        assertThat(space.high(13)).isEqualTo(5.0);
        for (int i = 14; i < 24; i++) {
            assertThat(space.low(i)).isEqualTo(-1.0);
            assertThat(space.high(i)).isEqualTo(1.0);
        }
        assertThat(new BipedalWalker().actionSpace()).isEqualTo(BoxSpace.uniform(-1, 1, 4));
        assertThat(new BipedalWalker().id()).isEqualTo("BipedalWalker-v3");
    }

    @Test
    void resetStandsTheWalkerOnTheStartPadWithItsLidarOnTheGround() {
        BipedalWalker env = new BipedalWalker();

        double[] observation = env.reset(0);

        assertThat(env.hullX()).isCloseTo(START_X, within(0.05));
        assertThat(observation[0]).isCloseTo(0.0, within(0.01));
        assertThat(observation[14]).isBetween(0.3, 0.6);
        for (int ray = 15; ray < 24; ray++) {
            assertThat(observation[ray]).as("ray %d reaches further than the one below it", ray - 14)
                    .isGreaterThanOrEqualTo(observation[ray - 1]);
        }
    }

    @Test
    void lidarMeasuresTheDistanceToFlatGroundAlongEachRayThroughTheWalkersOwnLegs() {
        BipedalWalker env = new BipedalWalker(new SplittableRandom());
        env.reset(3);

        double[] observation = env.placeWalker(START_X, WalkerTerrain.TERRAIN_HEIGHT + 1.5, 0, 0, 0);

        for (int ray = 0; ray <= 6; ray++) {
            double expected = 1.5 / Math.cos(1.5 * ray / 10.0) / WalkerLidar.RANGE;
            assertThat(observation[14 + ray]).as("ray %d", ray).isCloseTo(expected, within(1e-4));
        }
    }

    @Test
    void lidarReportsOneForRaysThatMeetNothing() {
        BipedalWalker env = new BipedalWalker(new SplittableRandom());
        env.reset(3);

        double[] observation = env.placeWalker(START_X, 30, 0, 0, 0);

        for (int ray = 0; ray < 10; ray++) {
            assertThat(observation[14 + ray]).isEqualTo(1.0);
        }
    }

    @Test
    void rewardOfAConstructedStepIsTheChangeOfShapingMinusTorqueCost() {
        BipedalWalker env = new BipedalWalker(new SplittableRandom());
        env.reset(5);
        double[] before = env.placeWalker(30, 12, 0.2, 2.0, 0.5);
        double xBefore = env.hullX();

        StepResult result = env.step(new double[] {0.5, -1, 0.25, 0});

        double shapingChange = 130 * (env.hullX() - xBefore) / 30 - 5 * (Math.abs(result.observation()[0]) - Math.abs(before[0]));
        double torqueCost = 0.00035 * 80 * (0.5 + 1 + 0.25);
        assertThat(result.terminated()).isFalse();
        assertThat(result.reward()).isCloseTo(shapingChange - torqueCost, within(1e-9));
        assertThat(shapingChange).as("moving right at 2 m/s earns about 130 * 0.04 / 30").isBetween(0.1, 0.25);
    }

    @Test
    void torqueCostClipsEachComponentToOne() {
        assertThat(rewardGap(new double[] {3, -2, 0.5, 0}, new double[] {1, -1, 0.5, 0})).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void everyNonTerminalStepOfARandomEpisodeIsRewardedByTheChangeOfShapingMinusTorqueCost() {
        BipedalWalker env = new BipedalWalker(new SplittableRandom());
        SplittableRandom policy = new SplittableRandom(6);
        double[] observation = env.reset(6);
        double previous = BipedalWalker.shaping(env.hullX(), observation[0]);
        StepResult result;
        int checked = 0;
        do {
            double[] action = {policy.nextDouble(-1, 1), policy.nextDouble(-1, 1), policy.nextDouble(-1, 1), policy.nextDouble(-1, 1)};
            result = env.step(action);
            double shaping = BipedalWalker.shaping(env.hullX(), result.observation()[0]);
            if (!result.terminated()) {
                double cost = 0;
                for (double a : action) {
                    cost += 0.028 * Math.abs(a);
                }
                assertThat(result.reward()).isCloseTo(shaping - previous - cost, within(1e-9));
                checked++;
            }
            previous = shaping;
        } while (!result.done() && checked < 400);
        assertThat(checked).isGreaterThan(30);
    }

    @Test
    void limpWalkerFallsOnItsHullWithMinusHundred() {
        BipedalWalker env = new BipedalWalker(new SplittableRandom());
        env.reset(1);
        StepResult result;
        int steps = 0;
        do {
            result = env.step(new double[4]);
            steps++;
        } while (!result.done() && steps < 1600);

        assertThat(result.terminated()).isTrue();
        assertThat(result.reward()).isEqualTo(-100.0);
    }

    @Test
    void walkerDroppedUpsideDownFallsWithMinusHundred() {
        BipedalWalker env = new BipedalWalker(new SplittableRandom());
        env.reset(2);
        env.placeWalker(20, env.terrainHeightAt(20) + 1.0, Math.PI, 0, 0);
        StepResult result;
        int steps = 0;
        do {
            result = env.step(new double[4]);
            steps++;
        } while (!result.done() && steps < 200);

        assertThat(result.terminated()).isTrue();
        assertThat(result.reward()).isEqualTo(-100.0);
    }

    @Test
    void walkingBackPastTheStartEndsWithMinusHundred() {
        BipedalWalker env = new BipedalWalker(new SplittableRandom());
        env.reset(2);
        env.placeWalker(0.05, 10, 0, -5, 0);

        StepResult result = env.step(new double[4]);

        assertThat(env.hullX()).isNegative();
        assertThat(result.terminated()).isTrue();
        assertThat(result.reward()).isEqualTo(-100.0);
    }

    @Test
    void reachingTheEndOfTheTerrainTerminatesWithTheOrdinaryReward() {
        BipedalWalker env = new BipedalWalker(new SplittableRandom());
        env.reset(4);
        double end = env.terrainEndX();
        assertThat(end).isCloseTo(190 * 14 / 30.0, within(1e-12));
        double[] before = env.placeWalker(end - 0.02, 12, 0, 5, 0);
        double xBefore = env.hullX();

        StepResult result = env.step(new double[4]);

        assertThat(env.hullX()).isGreaterThan(end);
        assertThat(result.terminated()).isTrue();
        double shapingChange = 130 * (env.hullX() - xBefore) / 30 - 5 * (Math.abs(result.observation()[0]) - Math.abs(before[0]));
        assertThat(result.reward()).isCloseTo(shapingChange, within(1e-9)).isPositive();
    }

    @Test
    void gymnasiumsHeuristicWalksToTheEndOfTheTerrain() {
        BipedalWalker env = new BipedalWalker(new SplittableRandom());
        WalkerHeuristic heuristic = new WalkerHeuristic();
        double[] observation = env.reset(0);
        double total = 0;
        StepResult result = null;
        for (int step = 0; step < 1600; step++) {
            result = env.step(heuristic.act(observation));
            total += result.reward();
            observation = result.observation();
            if (result.done()) {
                break;
            }
        }

        assertThat(result.terminated()).isTrue();
        assertThat(env.hullX()).isGreaterThan(env.terrainEndX());
        // Gymnasium calls 300 a solved episode; its heuristic scores a little above it.
        assertThat(total).isGreaterThan(290.0);
    }

    @Test
    void invalidActionsAreRejected() {
        BipedalWalker env = new BipedalWalker();
        env.reset(0);

        for (double[] action : new double[][] {{0, 0, 0}, {0, 0, 0, 0, 0}, {Double.NaN, 0, 0, 0}, {0, 0, Double.NEGATIVE_INFINITY, 0}}) {
            assertThatThrownBy(() -> env.step(action)).isInstanceOf(InvalidActionException.class)
                    .hasMessageContaining("BipedalWalker-v3");
        }
        assertThatThrownBy(() -> env.step(null)).isInstanceOf(InvalidActionException.class);
    }

    @Test
    void steppingBeforeResetOrAfterTerminationIsAnError() {
        BipedalWalker env = new BipedalWalker(new SplittableRandom());
        assertThatThrownBy(() -> env.step(new double[4])).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reset()");

        env.reset(2);
        env.placeWalker(0.05, 10, 0, -5, 0);
        env.step(new double[4]);
        assertThatThrownBy(() -> env.step(new double[4])).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("terminated");
    }

    /** Reward of {@code first} minus reward of {@code second}, each stepped from the same constructed state. */
    private static double rewardGap(double[] first, double[] second) {
        return rewardFromConstructedState(first) - rewardFromConstructedState(second);
    }

    private static double rewardFromConstructedState(double[] action) {
        BipedalWalker env = new BipedalWalker(new SplittableRandom());
        env.reset(9);
        env.placeWalker(30, 12, 0, 1, 0);
        return env.step(action).reward();
    }
}
