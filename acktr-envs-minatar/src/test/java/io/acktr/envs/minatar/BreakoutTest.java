package io.acktr.envs.minatar;

import static io.acktr.envs.minatar.Breakout.BALL;
import static io.acktr.envs.minatar.Breakout.BRICK;
import static io.acktr.envs.minatar.Breakout.CHANNELS;
import static io.acktr.envs.minatar.Breakout.DOWN_LEFT;
import static io.acktr.envs.minatar.Breakout.DOWN_RIGHT;
import static io.acktr.envs.minatar.Breakout.PADDLE;
import static io.acktr.envs.minatar.Breakout.TRAIL;
import static io.acktr.envs.minatar.Breakout.UP_LEFT;
import static io.acktr.envs.minatar.Breakout.UP_RIGHT;
import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.env.StepResult;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BreakoutTest {
    private static final double[] NOOP = MinAtarAction.NOOP.asDiscrete();
    private static final double[] LEFT = MinAtarAction.LEFT.asDiscrete();
    private static final double[] RIGHT = MinAtarAction.RIGHT.asDiscrete();

    @Test
    void startsWithThreeRowsOfBricksAndTheBallInRowThreeAgainstEitherWall() {
        Breakout game = new Breakout(0.0);
        Set<Cell> ballStarts = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            double[] observation = game.reset(seed);

            assertThat(Cell.in(observation, CHANNELS, BRICK)).isEqualTo(Cell.block(1, 3, 0, 9));
            assertThat(Cell.in(observation, CHANNELS, PADDLE)).containsExactly(new Cell(9, 4));
            Set<Cell> ball = Cell.in(observation, CHANNELS, BALL);
            assertThat(ball).hasSize(1).isSubsetOf(new Cell(3, 0), new Cell(3, 9));
            assertThat(Cell.in(observation, CHANNELS, TRAIL)).isEqualTo(ball);
            ballStarts.addAll(ball);
        }
        assertThat(ballStarts).hasSize(2);
    }

    @Test
    void ballThatHitsABrickPaysOneClearsTheBrickAndBouncesBack() {
        Breakout game = started();
        game.placeBall(4, 5, UP_LEFT);

        StepResult approach = game.step(NOOP);
        assertThat(approach.reward()).isZero();
        assertThat(Cell.in(approach.observation(), CHANNELS, BALL)).containsExactly(new Cell(4, 3));
        assertThat(Cell.in(approach.observation(), CHANNELS, TRAIL)).containsExactly(new Cell(5, 4));

        // The ball heads for (row 3, column 2): the brick there breaks and the ball stays in row 4,
        // now heading down-left.
        StepResult hit = game.step(NOOP);
        assertThat(hit.reward()).isEqualTo(1.0);
        assertThat(hit.terminated()).isFalse();
        Set<Cell> bricks = Cell.block(1, 3, 0, 9);
        bricks.remove(new Cell(3, 2));
        assertThat(Cell.in(hit.observation(), CHANNELS, BRICK)).isEqualTo(bricks);
        assertThat(Cell.in(hit.observation(), CHANNELS, BALL)).containsExactly(new Cell(4, 2));
        assertThat(Cell.in(hit.observation(), CHANNELS, TRAIL)).containsExactly(new Cell(4, 3));
        assertThat(game.ballDirection()).isEqualTo(DOWN_LEFT);

        StepResult away = game.step(NOOP);
        assertThat(away.reward()).isZero();
        assertThat(Cell.in(away.observation(), CHANNELS, BALL)).containsExactly(new Cell(5, 1));
    }

    @Test
    void paddleMovesLeftAndRightAndStopsAtTheWalls() {
        Breakout game = started();
        game.placeBall(5, 6, UP_RIGHT);
        game.placePaddle(1);

        assertThat(paddleAfter(game, LEFT)).containsExactly(new Cell(9, 0));
        assertThat(paddleAfter(game, LEFT)).containsExactly(new Cell(9, 0));
        assertThat(paddleAfter(game, RIGHT)).containsExactly(new Cell(9, 1));
        assertThat(paddleAfter(game, MinAtarAction.FIRE.asDiscrete())).containsExactly(new Cell(9, 1));
        assertThat(paddleAfter(game, MinAtarAction.UP.asDiscrete())).containsExactly(new Cell(9, 1));

        game.placePaddle(8);
        assertThat(paddleAfter(game, RIGHT)).containsExactly(new Cell(9, 9));
        assertThat(paddleAfter(game, RIGHT)).containsExactly(new Cell(9, 9));
    }

    @Test
    void missingTheBallEndsTheEpisodeWithoutReward() {
        Breakout game = started();
        game.placeBall(2, 8, DOWN_RIGHT);
        game.placePaddle(7);

        StepResult result = game.step(NOOP);

        assertThat(result.terminated()).isTrue();
        assertThat(result.truncated()).isFalse();
        assertThat(result.reward()).isZero();
        assertThat(Cell.in(result.observation(), CHANNELS, BALL)).containsExactly(new Cell(9, 3));
    }

    @Test
    void ballArrivingAboveThePaddleBouncesStraightBackUp() {
        Breakout game = started();
        game.placeBall(4, 8, DOWN_RIGHT);
        game.placePaddle(4);

        StepResult result = game.step(NOOP);

        assertThat(result.terminated()).isFalse();
        assertThat(game.ballDirection()).isEqualTo(UP_RIGHT);
        assertThat(Cell.in(result.observation(), CHANNELS, BALL)).containsExactly(new Cell(8, 5));
    }

    @Test
    void ballLandingOnThePaddleCornerIsSentBackTheWayItCame() {
        Breakout game = started();
        game.placeBall(3, 8, DOWN_RIGHT);
        game.placePaddle(4);

        StepResult result = game.step(NOOP);

        assertThat(result.terminated()).isFalse();
        assertThat(game.ballDirection()).isEqualTo(UP_LEFT);
        assertThat(Cell.in(result.observation(), CHANNELS, BALL)).containsExactly(new Cell(8, 4));
    }

    @Test
    void paddleMovedUnderTheBallInTheSameStepCatchesIt() {
        Breakout game = started();
        game.placeBall(2, 8, DOWN_RIGHT);
        game.placePaddle(4);

        StepResult result = game.step(LEFT);

        assertThat(result.terminated()).isFalse();
        assertThat(game.ballDirection()).isEqualTo(UP_LEFT);
    }

    @Test
    void sideWallsReflectTheBall() {
        Breakout game = started();
        game.placeBall(9, 6, UP_RIGHT);

        StepResult result = game.step(NOOP);

        assertThat(game.ballDirection()).isEqualTo(UP_LEFT);
        assertThat(Cell.in(result.observation(), CHANNELS, BALL)).containsExactly(new Cell(5, 9));
    }

    @Test
    void ballReachingTheBottomWithNoBricksLeftBringsBackThreeRows() {
        Breakout game = started();
        for (int row = 1; row <= 3; row++) {
            for (int column = 0; column < 10; column++) {
                game.setBrick(row, column, false);
            }
        }
        game.placeBall(4, 8, DOWN_RIGHT);
        game.placePaddle(4);

        StepResult result = game.step(NOOP);

        assertThat(Cell.in(result.observation(), CHANNELS, BRICK)).isEqualTo(Cell.block(1, 3, 0, 9));
        assertThat(game.brickCount()).isEqualTo(30);
    }

    @Test
    void randomPolicyScoresAboutHalfABrickAsMinAtarReports() {
        // MinAtar's README: examples/random_play.py on breakout prints "Avg Return: 0.5+/-0.023"
        // (1000 episodes). Its Python game code, run for 2000 to 4000 episodes, gave 0.50 to 0.56.
        RandomPolicy.Returns returns = RandomPolicy.play(new Breakout(), 500, 2024);

        assertThat(returns.mean()).isBetween(0.40, 0.62);
        assertThat(returns.meanLength()).isBetween(9.0, 14.0);
    }

    private static Breakout started() {
        Breakout game = new Breakout(0.0);
        game.reset(0);
        return game;
    }

    private static Set<Cell> paddleAfter(Breakout game, double[] action) {
        return Cell.in(game.step(action).observation(), CHANNELS, PADDLE);
    }
}
