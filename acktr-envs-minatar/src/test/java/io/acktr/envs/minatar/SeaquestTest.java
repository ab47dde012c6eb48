package io.acktr.envs.minatar;

import static io.acktr.envs.minatar.Seaquest.CHANNELS;
import static io.acktr.envs.minatar.Seaquest.DIVER;
import static io.acktr.envs.minatar.Seaquest.DIVER_GAUGE;
import static io.acktr.envs.minatar.Seaquest.ENEMY_BULLET;
import static io.acktr.envs.minatar.Seaquest.ENEMY_FISH;
import static io.acktr.envs.minatar.Seaquest.ENEMY_SUB;
import static io.acktr.envs.minatar.Seaquest.FRIENDLY_BULLET;
import static io.acktr.envs.minatar.Seaquest.OXYGEN_GAUGE;
import static io.acktr.envs.minatar.Seaquest.SUB_BACK;
import static io.acktr.envs.minatar.Seaquest.SUB_FRONT;
import static io.acktr.envs.minatar.Seaquest.TRAIL;
import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.env.StepResult;
import org.junit.jupiter.api.Test;

class SeaquestTest {
    private static final double[] NOOP = MinAtarAction.NOOP.asDiscrete();
    private static final double[] UP = MinAtarAction.UP.asDiscrete();
    private static final double[] DOWN = MinAtarAction.DOWN.asDiscrete();
    private static final int NEVER = 1000;

    @Test
    void startsSurfacedFacingLeftWithFullOxygenAndNoDivers() {
        double[] observation = new Seaquest(0.0, true).reset(1);

        assertThat(Cell.in(observation, CHANNELS, SUB_FRONT)).containsExactly(new Cell(0, 5));
        assertThat(Cell.in(observation, CHANNELS, SUB_BACK)).containsExactly(new Cell(0, 6));
        assertThat(Cell.in(observation, CHANNELS, OXYGEN_GAUGE)).isEqualTo(Cell.block(9, 9, 0, 9));
        assertThat(Cell.in(observation, CHANNELS, DIVER_GAUGE)).isEmpty();
        for (int channel : new int[] {FRIENDLY_BULLET, TRAIL, ENEMY_BULLET, ENEMY_FISH, ENEMY_SUB, DIVER}) {
            assertThat(Cell.in(observation, CHANNELS, channel)).isEmpty();
        }
    }

    @Test
    void subTurnsToFaceTheWayItMoves() {
        Seaquest game = quietGame();
        game.placeSub(5, 4, false);

        double[] right = game.step(MinAtarAction.RIGHT.asDiscrete()).observation();
        assertThat(Cell.in(right, CHANNELS, SUB_FRONT)).containsExactly(new Cell(4, 6));
        assertThat(Cell.in(right, CHANNELS, SUB_BACK)).containsExactly(new Cell(4, 5));

        double[] down = game.step(DOWN).observation();
        assertThat(Cell.in(down, CHANNELS, SUB_FRONT)).containsExactly(new Cell(5, 6));
        assertThat(Cell.in(down, CHANNELS, SUB_BACK)).containsExactly(new Cell(5, 5));

        double[] left = game.step(MinAtarAction.LEFT.asDiscrete()).observation();
        assertThat(Cell.in(left, CHANNELS, SUB_FRONT)).containsExactly(new Cell(5, 5));
        assertThat(Cell.in(left, CHANNELS, SUB_BACK)).containsExactly(new Cell(5, 6));
    }

    @Test
    void shootingAFishPaysOneAndRemovesBothFishAndBullet() {
        Seaquest game = quietGame();
        game.placeSub(3, 4, true);
        game.placeFish(6, 4, false, 5);

        StepResult fired = game.step(MinAtarAction.FIRE.asDiscrete());
        assertThat(fired.reward()).isZero();
        assertThat(Cell.in(fired.observation(), CHANNELS, FRIENDLY_BULLET)).containsExactly(new Cell(4, 4));
        assertThat(Cell.in(fired.observation(), CHANNELS, ENEMY_FISH)).containsExactly(new Cell(4, 6));
        assertThat(Cell.in(fired.observation(), CHANNELS, TRAIL)).containsExactly(new Cell(4, 7));

        StepResult closer = game.step(NOOP);
        assertThat(closer.reward()).isZero();
        assertThat(Cell.in(closer.observation(), CHANNELS, FRIENDLY_BULLET)).containsExactly(new Cell(4, 5));

        StepResult hit = game.step(NOOP);
        assertThat(hit.reward()).isEqualTo(1.0);
        assertThat(hit.terminated()).isFalse();
        assertThat(Cell.in(hit.observation(), CHANNELS, FRIENDLY_BULLET)).isEmpty();
        assertThat(Cell.in(hit.observation(), CHANNELS, ENEMY_FISH)).isEmpty();
        assertThat(game.enemyCount()).isZero();
    }

    @Test
    void shootingAnEnemySubPaysOne() {
        Seaquest game = quietGame();
        game.placeSub(3, 4, false);
        game.placeEnemySub(2, 4, true, NEVER, NEVER);

        StepResult result = game.step(MinAtarAction.FIRE.asDiscrete());

        assertThat(result.reward()).isEqualTo(1.0);
        assertThat(Cell.in(result.observation(), CHANNELS, ENEMY_SUB)).isEmpty();
    }

    @Test
    void touchingAFishEndsTheEpisode() {
        Seaquest game = quietGame();
        game.placeSub(3, 4, true);
        game.placeFish(4, 4, false, 0);

        StepResult result = game.step(NOOP);

        assertThat(result.terminated()).isTrue();
        assertThat(result.reward()).isZero();
    }

    @Test
    void enemySubsFireOnScheduleAndTheirBulletsKill() {
        Seaquest game = quietGame();
        game.placeSub(5, 2, false);
        game.placeEnemySub(8, 2, false, NEVER, 0);

        StepResult fired = game.step(NOOP);
        assertThat(fired.terminated()).isFalse();
        assertThat(Cell.in(fired.observation(), CHANNELS, ENEMY_SUB)).containsExactly(new Cell(2, 8));
        assertThat(Cell.in(fired.observation(), CHANNELS, TRAIL)).containsExactly(new Cell(2, 9));
        assertThat(Cell.in(fired.observation(), CHANNELS, ENEMY_BULLET)).containsExactly(new Cell(2, 7));

        // The bullet is at column 7 and the sub's back at 6: one more step brings it to 6, the
        // next to the sub's front at 5.
        assertThat(game.step(NOOP).terminated()).isFalse();
        assertThat(game.step(NOOP).terminated()).isTrue();
    }

    @Test
    void touchingADiverPicksItUpIntoTheDiverGauge() {
        Seaquest game = quietGame();
        game.placeSub(3, 4, true);
        game.placeDiver(4, 4, false, 5);
        game.placeDiver(7, 6, true, 5);

        StepResult result = game.step(MinAtarAction.RIGHT.asDiscrete());

        assertThat(result.reward()).isZero();
        assertThat(game.diverCount()).isEqualTo(1);
        assertThat(Cell.in(result.observation(), CHANNELS, DIVER_GAUGE)).containsExactly(new Cell(9, 8));
        assertThat(Cell.in(result.observation(), CHANNELS, DIVER)).containsExactly(new Cell(6, 7));
        assertThat(Cell.in(result.observation(), CHANNELS, TRAIL)).containsExactly(new Cell(6, 6));
    }

    @Test
    void oxygenDrainsOneUnitPerStepBelowTheSurfaceAndTheGaugeShowsTenths() {
        Seaquest game = quietGame();
        game.placeSub(5, 3, false);
        game.setSupplies(41, 1);

        double[] observation = game.step(NOOP).observation();

        assertThat(game.oxygen()).isEqualTo(40);
        assertThat(Cell.in(observation, CHANNELS, OXYGEN_GAUGE)).isEqualTo(Cell.block(9, 9, 0, 1));
        game.step(NOOP);
        assertThat(Cell.in(game.observation(), CHANNELS, OXYGEN_GAUGE)).isEqualTo(Cell.block(9, 9, 0, 0));
    }

    @Test
    void runningOutOfOxygenEndsTheEpisodeOnTheNextStep() {
        Seaquest game = quietGame();
        game.placeSub(5, 3, false);
        game.setSupplies(2, 1);

        assertThat(game.step(NOOP).terminated()).isFalse();
        StepResult empty = game.step(NOOP);
        assertThat(empty.terminated()).isFalse();
        assertThat(Cell.in(empty.observation(), CHANNELS, OXYGEN_GAUGE)).isEmpty();
        assertThat(game.step(NOOP).terminated()).isTrue();
    }

    @Test
    void surfacingWithoutADiverEndsTheEpisode() {
        Seaquest game = quietGame();
        game.placeSub(5, 1, false);

        StepResult result = game.step(UP);

        assertThat(result.terminated()).isTrue();
        assertThat(result.reward()).isZero();
    }

    @Test
    void surfacingWithDiversSpendsOneRefillsOxygenAndRampsTheDifficulty() {
        Seaquest game = quietGame();
        game.placeSub(5, 1, false);
        game.setSupplies(50, 3);

        StepResult first = game.step(UP);

        assertThat(first.terminated()).isFalse();
        assertThat(first.reward()).isZero();
        assertThat(game.diverCount()).isEqualTo(2);
        assertThat(game.oxygen()).isEqualTo(200);
        assertThat(Cell.in(first.observation(), CHANNELS, DIVER_GAUGE)).isEqualTo(Cell.block(9, 9, 7, 8));
        assertThat(game.rampIndex()).isEqualTo(1);
        assertThat(game.enemySpawnSpeed()).isEqualTo(19);
        assertThat(game.moveSpeed()).isEqualTo(5);

        // Staying at the surface neither drains oxygen nor counts as surfacing again.
        assertThat(game.step(NOOP).done()).isFalse();
        assertThat(game.oxygen()).isEqualTo(200);
        assertThat(game.diverCount()).isEqualTo(2);

        game.step(DOWN);
        game.step(UP);
        assertThat(game.diverCount()).isEqualTo(1);
        assertThat(game.rampIndex()).isEqualTo(2);
        assertThat(game.enemySpawnSpeed()).isEqualTo(18);
        assertThat(game.moveSpeed()).isEqualTo(4);
    }

    @Test
    void surfacingWithSixDiversPaysATenthOfTheOxygenLeftPerUnit() {
        Seaquest game = quietGame();
        game.placeSub(5, 1, false);
        game.setSupplies(130, 6);

        StepResult result = game.step(UP);

        assertThat(result.reward()).isEqualTo(6.0);
        assertThat(game.oxygen()).isEqualTo(200);
        // MinAtar empties the six divers and then takes one more away: the count goes to -1, the
        // gauge shows none, and the next surfacing with no diver picked up does not end the episode.
        assertThat(game.diverCount()).isEqualTo(-1);
        assertThat(Cell.in(result.observation(), CHANNELS, DIVER_GAUGE)).isEmpty();
        game.step(DOWN);
        assertThat(game.step(UP).terminated()).isFalse();
        assertThat(game.diverCount()).isEqualTo(-2);
    }

    @Test
    void atMostSixDiversCanBeCarried() {
        Seaquest game = quietGame();
        game.placeSub(3, 4, true);
        game.setSupplies(200, 6);
        game.placeDiver(4, 4, false, 5);

        StepResult result = game.step(MinAtarAction.RIGHT.asDiscrete());

        assertThat(game.diverCount()).isEqualTo(6);
        assertThat(Cell.in(result.observation(), CHANNELS, DIVER_GAUGE)).isEqualTo(Cell.block(9, 9, 3, 8));
        assertThat(Cell.in(result.observation(), CHANNELS, DIVER)).containsExactly(new Cell(4, 4));
    }

    @Test
    void enemiesAndDiversSpawnAtAnEdgeOfRowsOneToEight() {
        for (long seed = 0; seed < 10; seed++) {
            Seaquest game = new Seaquest(0.0, true);
            game.reset(seed);
            game.setTimers(0, 0, 0);

            double[] observation = game.step(NOOP).observation();

            assertThat(game.enemyCount()).isEqualTo(1);
            assertThat(game.diversInWater()).isEqualTo(1);
            for (int channel : new int[] {ENEMY_FISH, ENEMY_SUB, DIVER}) {
                for (Cell cell : Cell.in(observation, CHANNELS, channel)) {
                    assertThat(cell.column()).isIn(0, 9);
                    assertThat(cell.row()).isBetween(1, 8);
                }
            }
        }
    }

    @Test
    void randomPolicyReturnMatchesMinAtar() {
        // MinAtar's own Seaquest code under a random policy (2000 episodes): 0.10 +- 0.01.
        RandomPolicy.Returns returns = RandomPolicy.play(new Seaquest(), 500, 2024);

        assertThat(returns.mean()).isBetween(0.05, 0.16);
        assertThat(returns.meanLength()).isBetween(25.0, 35.0);
    }

    /** A seeded game at its start in which nothing spawns unless a test says so. */
    private static Seaquest quietGame() {
        Seaquest game = new Seaquest(0.0, true);
        game.reset(0);
        game.setTimers(NEVER, NEVER, 0);
        return game;
    }
}
