package io.acktr.envs.minatar;

import static io.acktr.envs.minatar.Breakout.BALL;
import static io.acktr.envs.minatar.Breakout.BRICK;
import static io.acktr.envs.minatar.Breakout.CHANNELS;
import static io.acktr.envs.minatar.Breakout.PADDLE;
import static io.acktr.envs.minatar.Breakout.TRAIL;
import static io.acktr.envs.minatar.Cells.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.env.StepResult;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BreakoutTest {
    @Test
    void anEpisodeStartsWithThreeRowsOfBricksUnderAnOpenTopRow() {
        double[] observation = new Breakout(0.0).reset(3);

        assertThat(Cells.of(observation, CHANNELS, BRICK)).isEqualTo(Cells.rectangle(1, 3, 0, 9));
        assertThat(Cells.of(observation, CHANNELS, PADDLE)).containsExactly(at(9, 4));
        Set<Position> ball = Cells.of(observation, CHANNELS, BALL);
        assertThat(ball).hasSize(1).allSatisfy(cell -> assertThat(cell.row()).isEqualTo(4));
        assertThat(Cells.of(observation, CHANNELS, TRAIL)).isEqualTo(ball);
    }

    @Test
    void theBallIsServedDownwardFromARandomColumnToARandomSide() {
        Set<Integer> columns = new HashSet<>();
        Set<Integer> sides = new HashSet<>();
        for (long seed = 0; seed < 60; seed++) {
            Breakout game = new Breakout(0.0);
            Position start = ball(game.reset(seed));
            Position next = ball(step(game, MinAtarAction.NOOP).observation());

            assertThat(next.row()).isEqualTo(start.row() + 1);
            int side = next.column() - start.column();
            if (side == 0) {
                // served into a side wall, which reflects it: straight down for this step
                assertThat(start.column()).isIn(0, 9);
            } else {
                assertThat(Math.abs(side)).isEqualTo(1);
                sides.add(side);
            }
            columns.add(start.column());
        }
        assertThat(columns).hasSizeGreaterThan(7);
        assertThat(sides).containsExactlyInAnyOrder(-1, 1);
    }

    @Test
    void leftAndRightMoveThePaddleOneCellAndTheWallsStopIt() {
        Breakout game = quietGame();

        assertThat(paddleAfter(game, MinAtarAction.LEFT)).isEqualTo(3);
        for (int i = 0; i < 4; i++) {
            step(game, MinAtarAction.LEFT);
        }
        assertThat(paddleAfter(game, MinAtarAction.LEFT)).isZero();
        assertThat(paddleAfter(game, MinAtarAction.RIGHT)).isEqualTo(1);
        game.placePaddle(9);
        assertThat(paddleAfter(game, MinAtarAction.RIGHT)).isEqualTo(9);
    }

    @Test
    void noopUpDownAndFireLeaveThePaddleWhereItIs() {
        Breakout game = quietGame();

        for (MinAtarAction action : new MinAtarAction[] {MinAtarAction.NOOP, MinAtarAction.UP, MinAtarAction.DOWN,
                MinAtarAction.FIRE}) {
            assertThat(paddleAfter(game, action)).isEqualTo(4);
        }
    }

    @Test
    void theBallMovesOneCellAlongItsDiagonalAndItsTrailShowsWhereItWas() {
        Breakout game = quietGame();
        game.placeBall(at(5, 5), -1, 1);

        double[] observation = step(game, MinAtarAction.NOOP).observation();

        assertThat(Cells.of(observation, CHANNELS, BALL)).containsExactly(at(4, 6));
        assertThat(Cells.of(observation, CHANNELS, TRAIL)).containsExactly(at(5, 5));
    }

    @Test
    void aSideWallReflectsTheBallWhichKeepsItsColumnForThatStep() {
        Breakout game = quietGame();
        game.placeBall(at(5, 9), -1, 1);
        assertThat(ball(step(game, MinAtarAction.NOOP).observation())).isEqualTo(at(4, 9));
        assertThat(ball(step(game, MinAtarAction.NOOP).observation())).isEqualTo(at(3, 8));

        game.placeBall(at(5, 0), 1, -1);
        assertThat(ball(step(game, MinAtarAction.NOOP).observation())).isEqualTo(at(6, 0));
        assertThat(ball(step(game, MinAtarAction.NOOP).observation())).isEqualTo(at(7, 1));
    }

    @Test
    void theCeilingReflectsTheBallSidewaysAndACornerHoldsItForAStep() {
        Breakout game = quietGame();
        game.placeBall(at(0, 5), -1, 1);
        assertThat(ball(step(game, MinAtarAction.NOOP).observation())).isEqualTo(at(0, 6));
        assertThat(ball(step(game, MinAtarAction.NOOP).observation())).isEqualTo(at(1, 7));

        game.placeBall(at(0, 9), -1, 1);
        assertThat(ball(step(game, MinAtarAction.NOOP).observation())).isEqualTo(at(0, 9));
        assertThat(ball(step(game, MinAtarAction.NOOP).observation())).isEqualTo(at(1, 8));
    }

    @Test
    void reflectionsTakeTheBallToCellsOfBothColoursOfTheCheckerboard() {
        // Moving only diagonally the ball would keep the parity of row + column and never reach half
        // the bricks: the score of an episode could not pass 15.
        Breakout game = quietGame();
        game.placeBall(at(5, 8), -1, 1);
        int start = 5 + 8;

        int wall = ball(step(game, MinAtarAction.NOOP).observation()).row();
        Position afterWall = ball(step(game, MinAtarAction.NOOP).observation());

        assertThat(wall).isEqualTo(4);
        assertThat((afterWall.row() + afterWall.column()) % 2).isNotEqualTo(start % 2);
    }

    @Test
    void breakingABrickPaysOneRemovesItAndReflectsTheBallSideways() {
        Breakout game = quietGame();
        game.layBricks(at(3, 6), at(1, 0));
        game.placeBall(at(4, 5), -1, 1);

        StepResult result = step(game, MinAtarAction.NOOP);

        assertThat(result.reward()).isEqualTo(1.0);
        assertThat(Cells.of(result.observation(), CHANNELS, BRICK)).containsExactly(at(1, 0));
        assertThat(ball(result.observation())).isEqualTo(at(4, 6));
        assertThat(Cells.of(result.observation(), CHANNELS, TRAIL)).containsExactly(at(4, 5));
        assertThat(result.terminated()).isFalse();
        assertThat(ball(step(game, MinAtarAction.NOOP).observation())).isEqualTo(at(5, 7));
    }

    @Test
    void oneBrickBreaksPerStepAndABallWhoseSidewaysStepEndsOnABrickStaysInPlace() {
        Breakout game = quietGame();
        game.layBricks(at(2, 6), at(3, 6));
        game.placeBall(at(3, 5), -1, 1);

        StepResult first = step(game, MinAtarAction.NOOP);

        assertThat(first.reward()).isEqualTo(1.0);
        assertThat(Cells.of(first.observation(), CHANNELS, BRICK)).containsExactly(at(3, 6));
        assertThat(ball(first.observation())).isEqualTo(at(3, 5));

        StepResult second = step(game, MinAtarAction.NOOP);

        assertThat(second.reward()).isZero();
        assertThat(ball(second.observation())).isEqualTo(at(4, 6));
    }

    @Test
    void aBallLandingOnThePaddleGoesBackUpTheWayItCame() {
        Breakout game = quietGame();
        game.placeBall(at(8, 4), 1, 1);
        game.placePaddle(5);

        StepResult result = step(game, MinAtarAction.NOOP);

        assertThat(result.terminated()).isFalse();
        assertThat(ball(result.observation())).isEqualTo(at(8, 5));
        assertThat(ball(step(game, MinAtarAction.NOOP).observation())).isEqualTo(at(7, 4));
    }

    @Test
    void aBallPassingOverThePaddleGoesUpOnTheSameSide() {
        Breakout game = quietGame();
        game.placeBall(at(8, 4), 1, 1);
        game.placePaddle(4);

        StepResult result = step(game, MinAtarAction.NOOP);

        assertThat(result.terminated()).isFalse();
        assertThat(ball(result.observation())).isEqualTo(at(8, 5));
        assertThat(ball(step(game, MinAtarAction.NOOP).observation())).isEqualTo(at(7, 6));
    }

    @Test
    void thePaddleMovesBeforeTheBallSoALastMomentMoveStillCatchesIt() {
        Breakout game = quietGame();
        game.placeBall(at(8, 4), 1, 1);
        game.placePaddle(6);

        StepResult result = step(game, MinAtarAction.LEFT);

        assertThat(result.terminated()).isFalse();
        assertThat(ball(result.observation())).isEqualTo(at(8, 5));
    }

    @Test
    void aBallComingDownAlongASideWallIsCaughtInTheCorner() {
        Breakout game = quietGame();
        game.placeBall(at(8, 0), 1, -1);
        game.placePaddle(0);

        StepResult result = step(game, MinAtarAction.NOOP);

        assertThat(result.terminated()).isFalse();
        assertThat(ball(result.observation())).isEqualTo(at(8, 0));
        assertThat(ball(step(game, MinAtarAction.NOOP).observation())).isEqualTo(at(7, 1));

        game.placeBall(at(8, 0), 1, -1);
        game.placePaddle(1);
        assertThat(step(game, MinAtarAction.NOOP).terminated()).as("the wall sends it down column 0").isTrue();
    }

    @Test
    void aBallThePaddleMissesEndsTheEpisodeInTheBottomRow() {
        Breakout game = quietGame();
        game.placeBall(at(8, 4), 1, 1);
        game.placePaddle(0);

        StepResult result = step(game, MinAtarAction.NOOP);

        assertThat(result.terminated()).isTrue();
        assertThat(result.reward()).isZero();
        assertThat(ball(result.observation())).isEqualTo(at(9, 5));
    }

    @Test
    void clearingAllBricksRebuildsTheWallOnceTheBallIsBelowIt() {
        Breakout game = quietGame();
        game.layBricks(at(1, 5));
        game.placeBall(at(0, 4), 1, 1);

        StepResult hit = step(game, MinAtarAction.NOOP);
        assertThat(hit.reward()).isEqualTo(1.0);
        assertThat(Cells.of(hit.observation(), CHANNELS, BRICK)).isEmpty();

        // The ball is still behind the wall: along the ceiling, then down through rows 1 to 3.
        for (int row : new int[] {0, 1, 2, 3}) {
            double[] observation = step(game, MinAtarAction.NOOP).observation();
            assertThat(ball(observation).row()).isEqualTo(row);
            assertThat(Cells.of(observation, CHANNELS, BRICK)).isEmpty();
        }
        StepResult below = step(game, MinAtarAction.NOOP);

        assertThat(ball(below.observation()).row()).isEqualTo(4);
        assertThat(below.reward()).isZero();
        assertThat(Cells.of(below.observation(), CHANNELS, BRICK)).isEqualTo(Cells.rectangle(1, 3, 0, 9));
    }

    @Test
    void aRandomPolicyBreaksAboutAQuarterOfABrickPerEpisode() {
        // Our serve, from a random column, reaches the paddle row after five steps: over 4000
        // episodes each from four seeds a random policy scored 0.24-0.27 in 7.4-7.8 steps, where
        // MinAtar's documentation reports about 0.5 for its own random play.
        RandomPolicy.Returns returns = RandomPolicy.play(new Breakout(), 1000, 2024);

        assertThat(returns.mean()).isBetween(0.15, 0.35);
        assertThat(returns.meanLength()).isBetween(6.5, 9.5);
    }

    @Test
    void aPaddleThatMeetsTheBallWhereItLandsBreaksEveryBrickAndTheNextWalls() {
        // Without sticky actions, a paddle sent to where the falling ball will reach the row above it
        // (walls reflected on the way) never misses: the wall of 30 bricks goes and is rebuilt.
        Breakout game = new Breakout(0.0);
        double[] observation = game.reset(7);
        int score = 0;
        for (int t = 0; t < 3000; t++) {
            Position ball = ball(observation);
            Position trail = Cells.of(observation, CHANNELS, TRAIL).iterator().next();
            int paddle = Cells.of(observation, CHANNELS, PADDLE).iterator().next().column();
            int target = ball.column();
            if (ball.row() > trail.row()) {
                int heading = ball.column() == trail.column() ? (ball.column() == 0 ? 1 : -1)
                        : Integer.signum(ball.column() - trail.column());
                for (int row = ball.row(); row < 8; row++) {
                    if (target + heading < 0 || target + heading > 9) {
                        heading = -heading;
                    } else {
                        target += heading;
                    }
                }
            }
            MinAtarAction action = paddle < target ? MinAtarAction.RIGHT
                    : paddle > target ? MinAtarAction.LEFT : MinAtarAction.NOOP;
            StepResult result = step(game, action);
            assertThat(result.terminated()).as("missed at step %d with %d bricks", t, score).isFalse();
            score += (int) result.reward();
            observation = result.observation();
        }
        assertThat(score).isGreaterThan(60);
    }

    /** A seeded game with its wall gone but one far brick, and the ball high up heading up. */
    private static Breakout quietGame() {
        Breakout game = new Breakout(0.0);
        game.reset(0);
        game.layBricks(at(1, 0));
        game.placeBall(at(6, 5), -1, 1);
        return game;
    }

    private static StepResult step(MinAtarGame game, MinAtarAction action) {
        return game.step(action.asDiscrete());
    }

    private static int paddleAfter(Breakout game, MinAtarAction action) {
        Set<Position> paddle = Cells.of(step(game, action).observation(), CHANNELS, PADDLE);
        assertThat(paddle).hasSize(1);
        return paddle.iterator().next().column();
    }

    private static Position ball(double[] observation) {
        Set<Position> ball = Cells.of(observation, CHANNELS, BALL);
        assertThat(ball).hasSize(1);
        return ball.iterator().next();
    }
}
