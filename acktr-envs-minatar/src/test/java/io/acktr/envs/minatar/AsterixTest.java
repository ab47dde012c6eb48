package io.acktr.envs.minatar;

import static io.acktr.envs.minatar.Asterix.CHANNELS;
import static io.acktr.envs.minatar.Asterix.ENEMY;
import static io.acktr.envs.minatar.Asterix.GOLD;
import static io.acktr.envs.minatar.Asterix.PLAYER;
import static io.acktr.envs.minatar.Asterix.TRAIL;
import static io.acktr.envs.minatar.Cells.at;
import static io.acktr.envs.minatar.Countdown.NEVER;
import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.env.StepResult;
import io.acktr.envs.minatar.Asterix.Pace;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AsterixTest {
    private static final Pace STILL = new Pace(NEVER, NEVER, NEVER);

    @Test
    void anEpisodeStartsWithThePlayerInTheMiddleAndEmptyLanes() {
        double[] observation = new Asterix(0.0, true).reset(1);

        assertThat(Cells.of(observation, CHANNELS, PLAYER)).containsExactly(at(5, 5));
        assertThat(visitors(observation)).isEmpty();
        assertThat(Cells.of(observation, CHANNELS, TRAIL)).isEmpty();
    }

    @Test
    void thePlayerMovesOneCellInFourDirectionsAndStaysWithinTheLanes() {
        Asterix game = game(STILL);

        assertThat(playerAfter(game, MinAtarAction.UP)).isEqualTo(at(4, 5));
        assertThat(playerAfter(game, MinAtarAction.LEFT)).isEqualTo(at(4, 4));
        assertThat(playerAfter(game, MinAtarAction.DOWN)).isEqualTo(at(5, 4));
        assertThat(playerAfter(game, MinAtarAction.RIGHT)).isEqualTo(at(5, 5));
        assertThat(playerAfter(game, MinAtarAction.FIRE)).isEqualTo(at(5, 5));
        assertThat(playerAfter(game, MinAtarAction.NOOP)).isEqualTo(at(5, 5));

        game.placePlayer(at(1, 0));
        assertThat(playerAfter(game, MinAtarAction.UP)).isEqualTo(at(1, 0));
        assertThat(playerAfter(game, MinAtarAction.LEFT)).isEqualTo(at(1, 0));
        game.placePlayer(at(8, 9));
        assertThat(playerAfter(game, MinAtarAction.DOWN)).isEqualTo(at(8, 9));
        assertThat(playerAfter(game, MinAtarAction.RIGHT)).isEqualTo(at(8, 9));
    }

    @Test
    void pickingUpGoldPaysOneAndTakesItAway() {
        Asterix game = game(STILL);
        game.placePlayer(at(4, 4));
        game.placeVisitor(4, 5, -1, true);

        StepResult result = step(game, MinAtarAction.RIGHT);

        assertThat(result.reward()).isEqualTo(1.0);
        assertThat(result.terminated()).isFalse();
        assertThat(Cells.of(result.observation(), CHANNELS, GOLD)).isEmpty();
    }

    @Test
    void goldThatRunsIntoThePlayerIsPickedUpToo() {
        Asterix game = game(new Pace(NEVER, 1, NEVER));
        game.placeVisitor(5, 6, -1, true);

        StepResult result = step(game, MinAtarAction.NOOP);

        assertThat(result.reward()).isEqualTo(1.0);
        assertThat(visitors(result.observation())).isEmpty();
    }

    @Test
    void touchingAnEnemyEndsTheEpisode() {
        Asterix game = game(STILL);
        game.placePlayer(at(4, 4));
        game.placeVisitor(4, 5, 1, false);

        StepResult result = step(game, MinAtarAction.RIGHT);

        assertThat(result.terminated()).isTrue();
        assertThat(result.reward()).isZero();
    }

    @Test
    void anEnemyThatRunsIntoThePlayerEndsTheEpisode() {
        Asterix game = game(new Pace(NEVER, 1, NEVER));
        game.placeVisitor(5, 6, -1, false);

        assertThat(step(game, MinAtarAction.NOOP).terminated()).isTrue();
    }

    @Test
    void thePlayerCannotSlipThroughAnOncomingEnemy() {
        Asterix game = game(new Pace(NEVER, 1, NEVER));
        game.placeVisitor(5, 6, -1, false);

        assertThat(step(game, MinAtarAction.RIGHT).terminated()).isTrue();
    }

    @Test
    void enemiesAndGoldMoveOneCellEveryMoveIntervalAndLeaveAtTheFarEdge() {
        Asterix game = game(new Pace(NEVER, 3, NEVER));
        game.placeVisitor(2, 8, 1, false);
        game.placeVisitor(3, 1, -1, true);

        assertThat(visitorsAfter(game, 2)).containsExactlyInAnyOrder(at(2, 8), at(3, 1));
        assertThat(visitorsAfter(game, 1)).containsExactlyInAnyOrder(at(2, 9), at(3, 0));
        assertThat(visitorsAfter(game, 2)).containsExactlyInAnyOrder(at(2, 9), at(3, 0));
        assertThat(visitorsAfter(game, 1)).isEmpty();
    }

    @Test
    void theTrailMarksTheCellBehindEachEnemyAndPieceOfGold() {
        Asterix game = game(STILL);
        game.placeVisitor(2, 5, 1, false);
        game.placeVisitor(3, 5, -1, true);
        game.placeVisitor(6, 0, 1, false);

        double[] observation = step(game, MinAtarAction.NOOP).observation();

        assertThat(Cells.of(observation, CHANNELS, TRAIL)).containsExactlyInAnyOrder(at(2, 4), at(3, 6));
    }

    @Test
    void somethingEntersAtASideEverySpawnInterval() {
        Asterix game = game(new Pace(4, NEVER, NEVER));

        for (int i = 0; i < 3; i++) {
            assertThat(visitors(step(game, MinAtarAction.NOOP).observation())).isEmpty();
        }
        Set<Position> entered = visitors(step(game, MinAtarAction.NOOP).observation());

        assertThat(entered).hasSize(1).allSatisfy(cell -> {
            assertThat(cell.row()).isBetween(1, 8);
            assertThat(cell.column()).isIn(0, 9);
        });
    }

    @Test
    void entrantsHeadAcrossFromTheSideTheyEnteredAtAndComeFromBothSides() {
        Set<Integer> sides = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            Asterix game = new Asterix(0.0, false, new Pace(1, 2, NEVER));
            game.reset(seed);
            step(game, MinAtarAction.NOOP);
            double[] observation = step(game, MinAtarAction.NOOP).observation();

            // The first entrant has made one move inward; the second has just come in at an edge.
            Set<Position> moved = new HashSet<>(visitors(observation));
            moved.removeIf(cell -> cell.column() == 0 || cell.column() == 9);
            assertThat(moved).hasSize(1);
            Position first = moved.iterator().next();
            assertThat(first.column()).isIn(1, 8);
            int edge = first.column() == 1 ? 0 : 9;
            assertThat(Cells.of(observation, CHANNELS, TRAIL)).containsExactly(at(first.row(), edge));
            sides.add(edge);
        }
        assertThat(sides).containsExactlyInAnyOrder(0, 9);
    }

    @Test
    void entrantsOnlyTakeEmptyLanesAndAboutOneInThreeIsGold() {
        int gold = 0;
        int entrants = 0;
        for (long seed = 0; seed < 150; seed++) {
            Asterix game = new Asterix(0.0, false, new Pace(1, NEVER, NEVER));
            game.reset(seed);
            game.placePlayer(at(1, 5));
            double[] observation = new double[0];
            for (int i = 0; i < 9; i++) {
                observation = step(game, MinAtarAction.NOOP).observation();
            }
            Set<Position> all = visitors(observation);
            Set<Integer> lanes = new LinkedHashSet<>();
            all.forEach(cell -> lanes.add(cell.row()));

            assertThat(all).hasSize(8);
            assertThat(lanes).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
            gold += Cells.of(observation, CHANNELS, GOLD).size();
            entrants += all.size();
        }
        assertThat((double) gold / entrants).isBetween(0.28, 0.39);
    }

    @Test
    void theDifficultyRampsUpEveryRampPeriodWhenRampingIsOn() {
        Asterix game = new Asterix(0.0, true, new Pace(1000, 4, 10));
        game.reset(0);

        stepNoops(game, 10);
        assertThat(game.spawnInterval()).isEqualTo(999);
        assertThat(game.moveInterval()).isEqualTo(4);
        stepNoops(game, 20);
        assertThat(game.spawnInterval()).isEqualTo(997);
        assertThat(game.moveInterval()).isEqualTo(3);
    }

    @Test
    void theRampStopsAtItsFastestPace() {
        Asterix game = new Asterix(0.0, true, new Pace(3, 2, 1));
        game.reset(0);
        game.placePlayer(at(8, 5));

        for (int i = 0; i < 12; i++) {
            if (step(game, MinAtarAction.NOOP).terminated()) {
                break;
            }
        }
        assertThat(game.spawnInterval()).isEqualTo(Asterix.FASTEST_SPAWN_INTERVAL);
        assertThat(game.moveInterval()).isEqualTo(1);
    }

    @Test
    void withoutRampingThePaceNeverChanges() {
        Asterix game = new Asterix(0.0, false, new Pace(1000, 4, 10));
        game.reset(0);

        stepNoops(game, 50);

        assertThat(game.spawnInterval()).isEqualTo(1000);
        assertThat(game.moveInterval()).isEqualTo(4);
    }

    @Test
    void aRandomPolicyPicksUpAboutHalfAPieceOfGoldPerEpisode() {
        // Over 4000 episodes: 0.49 in 61 steps; MinAtar's documentation gives no figure for its
        // Asterix, and our previous implementation scored 0.48 in 69 steps.
        RandomPolicy.Returns returns = RandomPolicy.play(new Asterix(), 1000, 2024);

        assertThat(returns.mean()).isBetween(0.38, 0.60);
        assertThat(returns.meanLength()).isBetween(52.0, 72.0);
    }

    private static Asterix game(Pace pace) {
        Asterix game = new Asterix(0.0, false, pace);
        game.reset(0);
        return game;
    }

    private static StepResult step(MinAtarGame game, MinAtarAction action) {
        return game.step(action.asDiscrete());
    }

    private static void stepNoops(MinAtarGame game, int steps) {
        for (int i = 0; i < steps; i++) {
            assertThat(step(game, MinAtarAction.NOOP).terminated()).isFalse();
        }
    }

    private static Position playerAfter(Asterix game, MinAtarAction action) {
        Set<Position> player = Cells.of(step(game, action).observation(), CHANNELS, PLAYER);
        assertThat(player).hasSize(1);
        return player.iterator().next();
    }

    private static Set<Position> visitorsAfter(Asterix game, int steps) {
        double[] observation = null;
        for (int i = 0; i < steps; i++) {
            observation = step(game, MinAtarAction.NOOP).observation();
        }
        return visitors(observation);
    }

    private static Set<Position> visitors(double[] observation) {
        Set<Position> cells = new LinkedHashSet<>(Cells.of(observation, CHANNELS, ENEMY));
        cells.addAll(Cells.of(observation, CHANNELS, GOLD));
        return cells;
    }
}
