package io.acktr.envs.minatar;

import static io.acktr.envs.minatar.Cells.at;
import static io.acktr.envs.minatar.Countdown.NEVER;
import static io.acktr.envs.minatar.Seaquest.CHANNELS;
import static io.acktr.envs.minatar.Seaquest.DIVER;
import static io.acktr.envs.minatar.Seaquest.DIVER_GAUGE;
import static io.acktr.envs.minatar.Seaquest.ENEMY_BULLET;
import static io.acktr.envs.minatar.Seaquest.ENEMY_FISH;
import static io.acktr.envs.minatar.Seaquest.ENEMY_SUB;
import static io.acktr.envs.minatar.Seaquest.MAX_OXYGEN;
import static io.acktr.envs.minatar.Seaquest.OXYGEN_GAUGE;
import static io.acktr.envs.minatar.Seaquest.SUB_BACK;
import static io.acktr.envs.minatar.Seaquest.SUB_FRONT;
import static io.acktr.envs.minatar.Seaquest.TORPEDO;
import static io.acktr.envs.minatar.Seaquest.TRAIL;
import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.env.StepResult;
import io.acktr.envs.minatar.Seaquest.Pace;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeaquestTest {
    /** Nothing enters, moves or shoots, and the launcher reloads at once. */
    private static final Pace STILL = new Pace(NEVER, NEVER, NEVER, NEVER, NEVER, 0);

    @Test
    void anEpisodeStartsAtTheSurfaceFacingRightWithFullOxygenAndNoDivers() {
        double[] observation = new Seaquest(0.0, true).reset(2);

        assertThat(Cells.of(observation, CHANNELS, SUB_FRONT)).containsExactly(at(0, 5));
        assertThat(Cells.of(observation, CHANNELS, SUB_BACK)).containsExactly(at(0, 4));
        assertThat(Cells.of(observation, CHANNELS, OXYGEN_GAUGE)).isEqualTo(Cells.rectangle(9, 9, 0, 9));
        assertThat(Cells.of(observation, CHANNELS, DIVER_GAUGE)).isEmpty();
        for (int channel : new int[] {TORPEDO, TRAIL, ENEMY_BULLET, ENEMY_FISH, ENEMY_SUB, DIVER}) {
            assertThat(Cells.of(observation, CHANNELS, channel)).as("channel %d", channel).isEmpty();
        }
    }

    @Test
    void leftAndRightTurnTheSubmarineThatWayAndMoveItOneCell() {
        Seaquest game = game(STILL);
        game.placeSub(4, 4, true);

        double[] left = step(game, MinAtarAction.LEFT).observation();
        assertThat(Cells.of(left, CHANNELS, SUB_FRONT)).containsExactly(at(4, 3));
        assertThat(Cells.of(left, CHANNELS, SUB_BACK)).containsExactly(at(4, 4));

        double[] right = step(game, MinAtarAction.RIGHT).observation();
        assertThat(Cells.of(right, CHANNELS, SUB_FRONT)).containsExactly(at(4, 5));
        assertThat(Cells.of(right, CHANNELS, SUB_BACK)).containsExactly(at(4, 4));

        game.placeSub(4, 8, false);
        double[] turned = step(game, MinAtarAction.RIGHT).observation();
        assertThat(Cells.of(turned, CHANNELS, SUB_FRONT)).containsExactly(at(4, 9));
        assertThat(Cells.of(turned, CHANNELS, SUB_BACK)).containsExactly(at(4, 8));
    }

    @Test
    void upAndDownMoveTheSubmarineBetweenTheSurfaceAndRowEight() {
        Seaquest game = game(STILL);

        assertThat(subRowAfter(game, MinAtarAction.UP)).isZero();
        assertThat(subRowAfter(game, MinAtarAction.DOWN)).isEqualTo(1);
        game.placeSub(8, 4, true);
        assertThat(subRowAfter(game, MinAtarAction.DOWN)).isEqualTo(8);
        assertThat(subRowAfter(game, MinAtarAction.UP)).isEqualTo(7);
    }

    @Test
    void aTorpedoFliesFromTheFrontAndStrikingAnEnemyPaysOne() {
        Seaquest game = game(STILL);
        game.placeSub(3, 2, true);
        game.placeEnemy(3, 7, -1, false);

        assertThat(Cells.of(step(game, MinAtarAction.FIRE).observation(), CHANNELS, TORPEDO)).containsExactly(at(3, 4));
        assertThat(Cells.of(step(game, MinAtarAction.NOOP).observation(), CHANNELS, TORPEDO)).containsExactly(at(3, 5));
        assertThat(Cells.of(step(game, MinAtarAction.NOOP).observation(), CHANNELS, TORPEDO)).containsExactly(at(3, 6));
        StepResult strike = step(game, MinAtarAction.NOOP);

        assertThat(strike.reward()).isEqualTo(1.0);
        assertThat(Cells.of(strike.observation(), CHANNELS, TORPEDO)).isEmpty();
        assertThat(Cells.of(strike.observation(), CHANNELS, ENEMY_FISH)).isEmpty();
    }

    @Test
    void aTorpedoAndAnOncomingEnemyCannotPassEachOther() {
        Seaquest game = game(new Pace(NEVER, 1, NEVER, NEVER, NEVER, 0));
        game.placeSub(3, 2, true);
        game.placeEnemy(3, 6, -1, true);

        step(game, MinAtarAction.FIRE);
        StepResult result = step(game, MinAtarAction.NOOP);

        assertThat(result.reward()).isEqualTo(1.0);
        assertThat(Cells.of(result.observation(), CHANNELS, ENEMY_SUB)).isEmpty();
    }

    @Test
    void theLauncherReloadsBeforeTheNextTorpedoAndTorpedoesLeaveAtTheEdge() {
        Seaquest game = game(new Pace(NEVER, NEVER, NEVER, NEVER, NEVER, 3));
        game.placeSub(3, 7, false);

        assertThat(torpedoesAfter(game, MinAtarAction.FIRE)).containsExactly(at(3, 6));
        assertThat(torpedoesAfter(game, MinAtarAction.FIRE)).containsExactly(at(3, 5));
        assertThat(torpedoesAfter(game, MinAtarAction.FIRE)).containsExactly(at(3, 4));
        assertThat(torpedoesAfter(game, MinAtarAction.FIRE)).containsExactlyInAnyOrder(at(3, 3), at(3, 6));
        for (int i = 0; i < 3; i++) {
            step(game, MinAtarAction.NOOP);
        }
        assertThat(torpedoesAfter(game, MinAtarAction.NOOP)).containsExactly(at(3, 2));
    }

    @Test
    void enemySubmarinesShootAheadOfThemselvesAndFishDoNot() {
        Seaquest game = game(new Pace(NEVER, NEVER, 2, NEVER, NEVER, 0));
        game.placeEnemy(2, 5, 1, true);
        game.placeEnemy(3, 5, -1, false);

        assertThat(bulletsAfter(game)).isEmpty();
        assertThat(bulletsAfter(game)).containsExactly(at(2, 6));
        assertThat(bulletsAfter(game)).containsExactly(at(2, 7));
        assertThat(bulletsAfter(game)).containsExactlyInAnyOrder(at(2, 8), at(2, 6));
    }

    @Test
    void anEnemyBulletThatHitsTheSubmarineEndsTheEpisode() {
        Seaquest game = game(new Pace(NEVER, NEVER, 1, NEVER, NEVER, 0));
        game.placeSub(2, 7, true);
        game.placeEnemy(2, 4, 1, true);

        assertThat(step(game, MinAtarAction.NOOP).terminated()).isFalse();
        assertThat(step(game, MinAtarAction.NOOP).terminated()).isFalse();
        assertThat(step(game, MinAtarAction.NOOP).terminated()).isTrue();
    }

    @Test
    void touchingAnEnemyEndsTheEpisode() {
        Seaquest game = game(STILL);
        game.placeSub(4, 4, true);
        game.placeEnemy(5, 5, 1, false);

        assertThat(step(game, MinAtarAction.DOWN).terminated()).isTrue();
    }

    @Test
    void anEnemyThatSwimsIntoTheSubmarineEndsTheEpisode() {
        Seaquest game = game(new Pace(NEVER, 1, NEVER, NEVER, NEVER, 0));
        game.placeSub(4, 4, true);
        game.placeEnemy(4, 7, -1, false);

        assertThat(step(game, MinAtarAction.NOOP).terminated()).isFalse();
        assertThat(step(game, MinAtarAction.NOOP).terminated()).isTrue();
    }

    @Test
    void movingOntoADiverRescuesItAndLightsTheDiverGauge() {
        Seaquest game = game(STILL);
        game.placeSub(4, 4, true);
        game.placeDiver(4, 6, -1);

        StepResult result = step(game, MinAtarAction.RIGHT);

        assertThat(result.reward()).isZero();
        assertThat(game.diversAboard()).isEqualTo(1);
        assertThat(Cells.of(result.observation(), CHANNELS, DIVER)).isEmpty();
        assertThat(Cells.of(result.observation(), CHANNELS, DIVER_GAUGE)).containsExactly(at(9, 9));
    }

    @Test
    void withSixDiversAboardTheSubmarinePassesOverTheNextOne() {
        Seaquest game = game(STILL);
        game.placeSub(4, 4, true);
        game.placeDiver(4, 6, -1);
        game.setDiversAboard(6);

        double[] observation = step(game, MinAtarAction.RIGHT).observation();

        assertThat(game.diversAboard()).isEqualTo(6);
        assertThat(Cells.of(observation, CHANNELS, DIVER)).containsExactly(at(4, 6));
        assertThat(Cells.of(observation, CHANNELS, DIVER_GAUGE)).isEqualTo(Cells.rectangle(9, 9, 4, 9));
    }

    @Test
    void oxygenRunsDownUnderWaterOnlyAndTheGaugeShowsIt() {
        Seaquest game = game(STILL);
        for (int i = 0; i < 5; i++) {
            step(game, MinAtarAction.NOOP);
        }
        assertThat(game.oxygen()).isEqualTo(MAX_OXYGEN);

        double[] observation = step(game, MinAtarAction.DOWN).observation();
        assertThat(game.oxygen()).isEqualTo(MAX_OXYGEN - 1);
        assertThat(Cells.of(observation, CHANNELS, OXYGEN_GAUGE)).isEqualTo(Cells.rectangle(9, 9, 0, 8));
        step(game, MinAtarAction.NOOP);
        assertThat(game.oxygen()).isEqualTo(MAX_OXYGEN - 2);
    }

    @Test
    void runningOutOfOxygenEndsTheEpisode() {
        Seaquest game = game(STILL);
        game.placeSub(4, 4, true);
        game.setOxygen(2);

        assertThat(step(game, MinAtarAction.NOOP).terminated()).isFalse();
        StepResult last = step(game, MinAtarAction.NOOP);

        assertThat(last.terminated()).isTrue();
        assertThat(Cells.of(last.observation(), CHANNELS, OXYGEN_GAUGE)).isEmpty();
    }

    @Test
    void surfacingWithNoDiversEndsTheEpisode() {
        Seaquest game = game(STILL);
        game.placeSub(1, 4, true);

        StepResult result = step(game, MinAtarAction.UP);

        assertThat(result.terminated()).isTrue();
        assertThat(result.reward()).isZero();
    }

    @Test
    void surfacingWithSomeDiversCostsOneAndRefillsOxygen() {
        Seaquest game = game(STILL);
        game.placeSub(1, 4, true);
        game.setDiversAboard(3);
        game.setOxygen(50);

        StepResult result = step(game, MinAtarAction.UP);

        assertThat(result.terminated()).isFalse();
        assertThat(result.reward()).isZero();
        assertThat(game.diversAboard()).isEqualTo(2);
        assertThat(game.oxygen()).isEqualTo(MAX_OXYGEN);
        assertThat(Cells.of(result.observation(), CHANNELS, DIVER_GAUGE)).containsExactly(at(9, 8), at(9, 9));
    }

    @Test
    void surfacingWithSixDiversRefillsOxygenAndScoresOnePerLitOxygenCell() {
        Seaquest game = game(STILL);
        game.placeSub(1, 4, true);
        game.setDiversAboard(6);
        game.setOxygen(MAX_OXYGEN / 2);

        StepResult result = step(game, MinAtarAction.UP);

        assertThat(result.terminated()).isFalse();
        assertThat(result.reward()).isEqualTo(5.0);
        assertThat(game.diversAboard()).isZero();
        assertThat(game.oxygen()).isEqualTo(MAX_OXYGEN);

        step(game, MinAtarAction.DOWN);
        assertThat(step(game, MinAtarAction.UP).terminated()).as("back up with no divers").isTrue();
    }

    @Test
    void stayingAtTheSurfaceIsSafe() {
        Seaquest game = new Seaquest(0.0, true);
        game.reset(8);

        for (int i = 0; i < 1000; i++) {
            assertThat(step(game, MinAtarAction.NOOP).terminated()).isFalse();
        }
        assertThat(game.oxygen()).isEqualTo(MAX_OXYGEN);
    }

    @Test
    void eachSurfacingMakesEnemiesComeMoreOftenAndEverySecondOneFaster() {
        Seaquest game = game(new Pace(18, 5, NEVER, NEVER, NEVER, 0), true);
        game.setDiversAboard(5);
        game.placeSub(1, 4, true);

        step(game, MinAtarAction.UP);
        assertThat(game.enemySpawnInterval()).isEqualTo(17);
        assertThat(game.enemyMoveInterval()).isEqualTo(5);
        for (int surfacing = 2; surfacing <= 4; surfacing++) {
            step(game, MinAtarAction.DOWN);
            assertThat(step(game, MinAtarAction.UP).terminated()).isFalse();
        }
        assertThat(game.enemySpawnInterval()).isEqualTo(14);
        assertThat(game.enemyMoveInterval()).isEqualTo(3);
        assertThat(game.diversAboard()).isEqualTo(1);
    }

    @Test
    void theRampStopsAtTheFastestPace() {
        Seaquest game = game(new Pace(6, 3, NEVER, NEVER, NEVER, 0), true);
        for (int surfacing = 0; surfacing < 6; surfacing++) {
            game.setDiversAboard(2);
            game.placeSub(1, 4, true);
            assertThat(step(game, MinAtarAction.UP).terminated()).isFalse();
        }

        assertThat(game.enemySpawnInterval()).isEqualTo(Seaquest.FASTEST_ENEMY_SPAWN_INTERVAL);
        assertThat(game.enemyMoveInterval()).isEqualTo(Seaquest.FASTEST_ENEMY_MOVE_INTERVAL);
    }

    @Test
    void withoutRampingSurfacingChangesNothing() {
        Seaquest game = game(new Pace(18, 5, NEVER, NEVER, NEVER, 0), false);
        game.setDiversAboard(5);
        game.placeSub(1, 4, true);

        step(game, MinAtarAction.UP);
        step(game, MinAtarAction.DOWN);
        step(game, MinAtarAction.UP);

        assertThat(game.enemySpawnInterval()).isEqualTo(18);
        assertThat(game.enemyMoveInterval()).isEqualTo(5);
    }

    @Test
    void enemiesOfBothKindsEnterFromBothSidesAndLeaveATrail() {
        Set<Integer> kinds = new HashSet<>();
        Set<Integer> edges = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            Seaquest game = new Seaquest(0.0, false, new Pace(1, 2, NEVER, NEVER, NEVER, 0));
            game.reset(seed);
            step(game, MinAtarAction.NOOP);
            double[] observation = step(game, MinAtarAction.NOOP).observation();

            for (int kind : new int[] {ENEMY_FISH, ENEMY_SUB}) {
                for (Position enemy : Cells.of(observation, CHANNELS, kind)) {
                    assertThat(enemy.row()).isBetween(1, 8);
                    kinds.add(kind);
                    if (enemy.column() == 1 || enemy.column() == 8) {
                        int edge = enemy.column() == 1 ? 0 : 9;
                        assertThat(Cells.of(observation, CHANNELS, TRAIL)).contains(at(enemy.row(), edge));
                        edges.add(edge);
                    } else {
                        assertThat(enemy.column()).isIn(0, 9);
                    }
                }
            }
        }
        assertThat(kinds).containsExactlyInAnyOrder(ENEMY_FISH, ENEMY_SUB);
        assertThat(edges).containsExactlyInAnyOrder(0, 9);
    }

    @Test
    void diversEnterAtAnEdgeAndDriftAcross() {
        Seaquest game = new Seaquest(0.0, false, new Pace(NEVER, NEVER, NEVER, 3, 1, 0));
        game.reset(5);

        step(game, MinAtarAction.NOOP);
        step(game, MinAtarAction.NOOP);
        Set<Position> entered = Cells.of(step(game, MinAtarAction.NOOP).observation(), CHANNELS, DIVER);
        assertThat(entered).hasSize(1);
        Position diver = entered.iterator().next();
        assertThat(diver.row()).isBetween(1, 8);
        assertThat(diver.column()).isIn(0, 9);

        double[] observation = step(game, MinAtarAction.NOOP).observation();
        int inward = diver.column() == 0 ? 1 : -1;
        assertThat(Cells.of(observation, CHANNELS, DIVER)).containsExactly(diver.offset(0, inward));
        assertThat(Cells.of(observation, CHANNELS, TRAIL)).containsExactly(diver);
    }

    @Test
    void aRandomPolicyRarelyScores() {
        // Over 4000 episodes: 0.092 in 27 steps; our previous implementation gave 0.088 in 29.
        RandomPolicy.Returns returns = RandomPolicy.play(new Seaquest(), 1000, 2024);

        assertThat(returns.mean()).isBetween(0.04, 0.16);
        assertThat(returns.meanLength()).isBetween(22.0, 33.0);
    }

    private static Seaquest game(Pace pace) {
        return game(pace, false);
    }

    private static Seaquest game(Pace pace, boolean difficultyRamping) {
        Seaquest game = new Seaquest(0.0, difficultyRamping, pace);
        game.reset(0);
        return game;
    }

    private static StepResult step(MinAtarGame game, MinAtarAction action) {
        return game.step(action.asDiscrete());
    }

    private static int subRowAfter(Seaquest game, MinAtarAction action) {
        Set<Position> front = Cells.of(step(game, action).observation(), CHANNELS, SUB_FRONT);
        assertThat(front).hasSize(1);
        return front.iterator().next().row();
    }

    private static Set<Position> torpedoesAfter(Seaquest game, MinAtarAction action) {
        return Cells.of(step(game, action).observation(), CHANNELS, TORPEDO);
    }

    private static Set<Position> bulletsAfter(Seaquest game) {
        return Cells.of(step(game, MinAtarAction.NOOP).observation(), CHANNELS, ENEMY_BULLET);
    }
}
