package io.acktr.envs.minatar;

import static io.acktr.envs.minatar.Asterix.CHANNELS;
import static io.acktr.envs.minatar.Asterix.ENEMY;
import static io.acktr.envs.minatar.Asterix.GOLD;
import static io.acktr.envs.minatar.Asterix.PLAYER;
import static io.acktr.envs.minatar.Asterix.TRAIL;
import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.env.StepResult;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AsterixTest {
    private static final double[] NOOP = MinAtarAction.NOOP.asDiscrete();
    /** Countdowns long enough that nothing spawns or moves during a scripted test. */
    private static final int NEVER = 1000;

    @Test
    void startsWithThePlayerInTheMiddleAndNothingElse() {
        double[] observation = new Asterix(0.0, true).reset(4);

        assertThat(Cell.in(observation, CHANNELS, PLAYER)).containsExactly(new Cell(5, 5));
        assertThat(Cell.in(observation, CHANNELS, ENEMY)).isEmpty();
        assertThat(Cell.in(observation, CHANNELS, GOLD)).isEmpty();
        assertThat(Cell.in(observation, CHANNELS, TRAIL)).isEmpty();
    }

    @Test
    void playerMovesInFourDirectionsWithinRowsOneToEight() {
        Asterix game = started();
        game.placePlayer(0, 1);

        assertThat(playerAfter(game, MinAtarAction.UP)).containsExactly(new Cell(1, 0));
        assertThat(playerAfter(game, MinAtarAction.LEFT)).containsExactly(new Cell(1, 0));
        assertThat(playerAfter(game, MinAtarAction.RIGHT)).containsExactly(new Cell(1, 1));
        assertThat(playerAfter(game, MinAtarAction.DOWN)).containsExactly(new Cell(2, 1));
        assertThat(playerAfter(game, MinAtarAction.FIRE)).containsExactly(new Cell(2, 1));

        game.placePlayer(9, 8);
        assertThat(playerAfter(game, MinAtarAction.DOWN)).containsExactly(new Cell(8, 9));
        assertThat(playerAfter(game, MinAtarAction.RIGHT)).containsExactly(new Cell(8, 9));
    }

    @Test
    void steppingOntoGoldPaysOneAndRemovesIt() {
        Asterix game = started();
        game.placeEntity(5, 6, false, true);

        StepResult result = game.step(MinAtarAction.RIGHT.asDiscrete());

        assertThat(result.reward()).isEqualTo(1.0);
        assertThat(result.terminated()).isFalse();
        assertThat(Cell.in(result.observation(), CHANNELS, PLAYER)).containsExactly(new Cell(5, 6));
        assertThat(Cell.in(result.observation(), CHANNELS, GOLD)).isEmpty();
        assertThat(Cell.in(result.observation(), CHANNELS, TRAIL)).isEmpty();
    }

    @Test
    void goldMovingOntoThePlayerPaysOne() {
        Asterix game = started();
        game.placeEntity(5, 7, false, true);
        game.setTimers(NEVER, 0);

        StepResult result = game.step(MinAtarAction.RIGHT.asDiscrete());

        assertThat(result.reward()).isEqualTo(1.0);
        assertThat(game.entityCount()).isZero();
    }

    @Test
    void touchingAnEnemyEndsTheEpisode() {
        Asterix game = started();
        game.placeEntity(4, 5, true, false);

        StepResult result = game.step(MinAtarAction.UP.asDiscrete());

        assertThat(result.terminated()).isTrue();
        assertThat(result.reward()).isZero();
        assertThat(Cell.in(result.observation(), CHANNELS, ENEMY)).containsExactly(new Cell(4, 5));
    }

    @Test
    void entitiesMoveOnceEveryFiveStepsLeavingATrailAndLeaveAtTheFarEdge() {
        Asterix game = started();
        game.placeEntity(3, 0, true, false);
        game.placeEntity(6, 9, true, true);
        game.setTimers(NEVER, 0);

        StepResult first = game.step(NOOP);
        assertThat(Cell.in(first.observation(), CHANNELS, ENEMY)).containsExactly(new Cell(3, 1));
        assertThat(Cell.in(first.observation(), CHANNELS, TRAIL)).containsExactly(new Cell(3, 0));
        assertThat(Cell.in(first.observation(), CHANNELS, GOLD)).isEmpty();

        for (int step = 2; step <= 5; step++) {
            assertThat(Cell.in(game.step(NOOP).observation(), CHANNELS, ENEMY)).containsExactly(new Cell(3, 1));
        }
        StepResult sixth = game.step(NOOP);
        assertThat(Cell.in(sixth.observation(), CHANNELS, ENEMY)).containsExactly(new Cell(3, 2));
        assertThat(Cell.in(sixth.observation(), CHANNELS, TRAIL)).containsExactly(new Cell(3, 1));
    }

    @Test
    void anEntityAppearsAtAnEdgeWhenTheSpawnCountdownRunsOut() {
        for (long seed = 0; seed < 10; seed++) {
            Asterix game = new Asterix(0.0, true);
            game.reset(seed);
            game.setTimers(0, NEVER);

            double[] observation = game.step(NOOP).observation();

            Set<Cell> entities = Cell.in(observation, CHANNELS, ENEMY);
            entities.addAll(Cell.in(observation, CHANNELS, GOLD));
            assertThat(entities).singleElement().satisfies(cell -> {
                assertThat(cell.column()).isIn(0, 9);
                assertThat(cell.row()).isBetween(1, 8);
            });
        }
    }

    @Test
    void difficultyRampsEveryHundredAndTwoSteps() {
        Asterix game = survivingGame(true);

        runSafely(game, 101);
        assertThat(game.rampIndex()).isZero();
        assertThat(game.spawnSpeed()).isEqualTo(10);

        runSafely(game, 1);
        assertThat(game.rampIndex()).isEqualTo(1);
        assertThat(game.spawnSpeed()).isEqualTo(9);
        assertThat(game.moveSpeed()).isEqualTo(5);

        runSafely(game, 102);
        assertThat(game.rampIndex()).isEqualTo(2);
        assertThat(game.spawnSpeed()).isEqualTo(8);
        assertThat(game.moveSpeed()).isEqualTo(4);
    }

    @Test
    void withoutRampingTheSpeedsNeverChange() {
        Asterix game = survivingGame(false);

        runSafely(game, 500);

        assertThat(game.rampIndex()).isZero();
        assertThat(game.spawnSpeed()).isEqualTo(10);
        assertThat(game.moveSpeed()).isEqualTo(5);
    }

    @Test
    void randomPolicyReturnMatchesMinAtar() {
        // MinAtar's own Asterix code under a random policy (2000 episodes): 0.52 +- 0.02.
        RandomPolicy.Returns returns = RandomPolicy.play(new Asterix(), 500, 2024);

        assertThat(returns.mean()).isBetween(0.38, 0.66);
        assertThat(returns.meanLength()).isBetween(60.0, 82.0);
    }

    private static Asterix started() {
        Asterix game = new Asterix(0.0, true);
        game.reset(0);
        game.setTimers(NEVER, NEVER);
        return game;
    }

    private static Asterix survivingGame(boolean ramping) {
        Asterix game = new Asterix(0.0, ramping);
        game.reset(0);
        return game;
    }

    /** Steps with no-ops, removing every entity first so that the player survives. */
    private static void runSafely(Asterix game, int steps) {
        for (int step = 0; step < steps; step++) {
            game.removeEntities();
            assertThat(game.step(NOOP).done()).isFalse();
        }
    }

    private static Set<Cell> playerAfter(Asterix game, MinAtarAction action) {
        return Cell.in(game.step(action.asDiscrete()).observation(), CHANNELS, PLAYER);
    }
}
