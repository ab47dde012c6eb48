package io.acktr.envs.minatar;

import static io.acktr.envs.minatar.SpaceInvaders.ALIEN;
import static io.acktr.envs.minatar.SpaceInvaders.ALIEN_LEFT;
import static io.acktr.envs.minatar.SpaceInvaders.ALIEN_RIGHT;
import static io.acktr.envs.minatar.SpaceInvaders.CANNON;
import static io.acktr.envs.minatar.SpaceInvaders.CHANNELS;
import static io.acktr.envs.minatar.SpaceInvaders.ENEMY_BULLET;
import static io.acktr.envs.minatar.SpaceInvaders.FRIENDLY_BULLET;
import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.env.StepResult;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpaceInvadersTest {
    private static final double[] NOOP = MinAtarAction.NOOP.asDiscrete();
    private static final double[] FIRE = MinAtarAction.FIRE.asDiscrete();
    private static final int NEVER = 1000;

    @Test
    void startsWithABlockOfTwentyFourAliensMarchingLeft() {
        double[] observation = new SpaceInvaders(0.0, true).reset(2);

        assertThat(Cell.in(observation, CHANNELS, CANNON)).containsExactly(new Cell(9, 5));
        assertThat(Cell.in(observation, CHANNELS, ALIEN)).isEqualTo(Cell.block(0, 3, 2, 7));
        assertThat(Cell.in(observation, CHANNELS, ALIEN_LEFT)).isEqualTo(Cell.block(0, 3, 2, 7));
        assertThat(Cell.in(observation, CHANNELS, ALIEN_RIGHT)).isEmpty();
        assertThat(Cell.in(observation, CHANNELS, FRIENDLY_BULLET)).isEmpty();
        assertThat(Cell.in(observation, CHANNELS, ENEMY_BULLET)).isEmpty();
    }

    @Test
    void shootingTheLastAlienPaysOneAndBringsAFasterWave() {
        SpaceInvaders game = quietGame();
        game.clearField();
        game.setAlien(6, 5, true);

        StepResult fired = game.step(FIRE);
        assertThat(fired.reward()).isZero();
        assertThat(Cell.in(fired.observation(), CHANNELS, FRIENDLY_BULLET)).containsExactly(new Cell(8, 5));
        // The cannon cools down for five steps: firing again does nothing yet.
        StepResult coolingDown = game.step(FIRE);
        assertThat(Cell.in(coolingDown.observation(), CHANNELS, FRIENDLY_BULLET)).containsExactly(new Cell(7, 5));

        StepResult hit = game.step(NOOP);

        assertThat(hit.reward()).isEqualTo(1.0);
        assertThat(hit.terminated()).isFalse();
        assertThat(Cell.in(hit.observation(), CHANNELS, FRIENDLY_BULLET)).isEmpty();
        assertThat(Cell.in(hit.observation(), CHANNELS, ALIEN)).isEqualTo(Cell.block(0, 3, 2, 7));
        assertThat(game.enemyMoveInterval()).isEqualTo(11);
        assertThat(game.rampIndex()).isEqualTo(1);
    }

    @Test
    void withoutRampingANewWaveKeepsTheSameSpeed() {
        SpaceInvaders game = new SpaceInvaders(0.0, false);
        game.reset(0);
        game.setTimers(NEVER, NEVER, 0);
        game.clearField();
        game.setAlien(8, 5, true);

        assertThat(game.step(FIRE).reward()).isEqualTo(1.0);
        assertThat(game.enemyMoveInterval()).isEqualTo(12);
        assertThat(game.alienCount()).isEqualTo(24);
    }

    @Test
    void cannonMovesSidewaysWithinTheBottomRow() {
        SpaceInvaders game = quietGame();
        game.placeCannon(1);

        assertThat(cannonAfter(game, MinAtarAction.LEFT)).isEqualTo(0);
        assertThat(cannonAfter(game, MinAtarAction.LEFT)).isEqualTo(0);
        assertThat(cannonAfter(game, MinAtarAction.RIGHT)).isEqualTo(1);
        assertThat(cannonAfter(game, MinAtarAction.UP)).isEqualTo(1);
        game.placeCannon(9);
        assertThat(cannonAfter(game, MinAtarAction.RIGHT)).isEqualTo(9);
    }

    @Test
    void anAlienBulletReachingTheCannonEndsTheEpisode() {
        SpaceInvaders game = quietGame();
        game.placeEnemyBullet(8, 5);

        StepResult result = game.step(NOOP);

        assertThat(result.terminated()).isTrue();
        assertThat(result.reward()).isZero();
        assertThat(Cell.in(result.observation(), CHANNELS, ENEMY_BULLET)).containsExactly(new Cell(9, 5));
    }

    @Test
    void steppingAsideDodgesTheBulletWhichThenLeavesTheGrid() {
        SpaceInvaders game = quietGame();
        game.placeEnemyBullet(8, 5);

        StepResult dodged = game.step(MinAtarAction.LEFT.asDiscrete());
        assertThat(dodged.terminated()).isFalse();
        assertThat(Cell.in(dodged.observation(), CHANNELS, ENEMY_BULLET)).containsExactly(new Cell(9, 5));

        assertThat(Cell.in(game.step(NOOP).observation(), CHANNELS, ENEMY_BULLET)).isEmpty();
    }

    @Test
    void anAlienInTheCannonsCellEndsTheEpisode() {
        SpaceInvaders game = quietGame();
        game.clearField();
        game.setAlien(9, 3, true);
        game.placeCannon(4);

        assertThat(game.step(MinAtarAction.LEFT.asDiscrete()).terminated()).isTrue();
    }

    @Test
    void blockMarchesToTheEdgeThenStepsDownAndTurns() {
        SpaceInvaders game = quietGame();

        assertThat(aliensAfterAMove(game)).isEqualTo(Cell.block(0, 3, 1, 6));
        double[] atTheEdge = stepWithAMove(game);
        assertThat(Cell.in(atTheEdge, CHANNELS, ALIEN)).isEqualTo(Cell.block(0, 3, 0, 5));
        assertThat(Cell.in(atTheEdge, CHANNELS, ALIEN_LEFT)).isEqualTo(Cell.block(0, 3, 0, 5));

        double[] turned = stepWithAMove(game);

        assertThat(Cell.in(turned, CHANNELS, ALIEN)).isEqualTo(Cell.block(1, 4, 0, 5));
        assertThat(Cell.in(turned, CHANNELS, ALIEN_RIGHT)).isEqualTo(Cell.block(1, 4, 0, 5));
        assertThat(Cell.in(turned, CHANNELS, ALIEN_LEFT)).isEmpty();
        assertThat(aliensAfterAMove(game)).isEqualTo(Cell.block(1, 4, 1, 6));
    }

    @Test
    void blockWaitsTheMoveIntervalBetweenMoves() {
        SpaceInvaders game = new SpaceInvaders(0.0, true);
        game.reset(0);
        game.setTimers(12, NEVER, 0);

        for (int step = 1; step <= 12; step++) {
            assertThat(Cell.in(game.step(NOOP).observation(), CHANNELS, ALIEN)).as("step %d", step)
                    .isEqualTo(Cell.block(0, 3, 2, 7));
        }
        assertThat(Cell.in(game.step(NOOP).observation(), CHANNELS, ALIEN)).isEqualTo(Cell.block(0, 3, 1, 6));
    }

    @Test
    void theLastAlienMovesEveryStep() {
        SpaceInvaders game = quietGame();
        game.clearField();
        game.setAlien(2, 5, true);

        assertThat(aliensAfterAMove(game)).containsExactly(new Cell(2, 4));
        assertThat(Cell.in(game.step(NOOP).observation(), CHANNELS, ALIEN)).containsExactly(new Cell(2, 3));
        assertThat(Cell.in(game.step(NOOP).observation(), CHANNELS, ALIEN)).containsExactly(new Cell(2, 2));
    }

    @Test
    void theLowestAlienOfTheColumnNearestTheCannonFires() {
        SpaceInvaders game = quietGame();
        game.placeCannon(0);
        game.setTimers(NEVER, 0, 0);

        StepResult fired = game.step(NOOP);
        assertThat(Cell.in(fired.observation(), CHANNELS, ENEMY_BULLET)).containsExactly(new Cell(3, 2));
        assertThat(Cell.in(game.step(NOOP).observation(), CHANNELS, ENEMY_BULLET)).containsExactly(new Cell(4, 2));
    }

    @Test
    void onATieTheColumnLeftOfTheCannonFires() {
        SpaceInvaders game = quietGame();
        game.clearField();
        game.setAlien(1, 3, true);
        game.setAlien(4, 7, true);
        game.setTimers(NEVER, 0, 0);

        assertThat(Cell.in(game.step(NOOP).observation(), CHANNELS, ENEMY_BULLET)).containsExactly(new Cell(1, 3));
    }

    @Test
    void randomPolicyReturnMatchesMinAtar() {
        // MinAtar's own Space Invaders code under a random policy: 2.76 to 2.96 (+- 0.05) over
        // 2000 to 3000 episodes.
        RandomPolicy.Returns returns = RandomPolicy.play(new SpaceInvaders(), 500, 2024);

        assertThat(returns.mean()).isBetween(2.45, 3.25);
        assertThat(returns.meanLength()).isBetween(44.0, 58.0);
    }

    /** A seeded game at its start whose aliens neither move nor fire unless a test says so. */
    private static SpaceInvaders quietGame() {
        SpaceInvaders game = new SpaceInvaders(0.0, true);
        game.reset(0);
        game.setTimers(NEVER, NEVER, 0);
        return game;
    }

    /** One no-op step in which the block moves. */
    private static double[] stepWithAMove(SpaceInvaders game) {
        game.setTimers(0, NEVER, 0);
        return game.step(NOOP).observation();
    }

    private static Set<Cell> aliensAfterAMove(SpaceInvaders game) {
        return Cell.in(stepWithAMove(game), CHANNELS, ALIEN);
    }

    private static int cannonAfter(SpaceInvaders game, MinAtarAction action) {
        return Cell.in(game.step(action.asDiscrete()).observation(), CHANNELS, CANNON).iterator().next().column();
    }
}
