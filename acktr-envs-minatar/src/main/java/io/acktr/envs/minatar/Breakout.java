package io.acktr.envs.minatar;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A port of MinAtar's Breakout ({@code minatar/environments/breakout.py}), registered as
 * {@code MinAtar/Breakout-v0}. The paddle moves along the bottom row; the ball travels diagonally,
 * starting in row 3 at the left or right wall (a fair coin) heading down and away from it. A brick
 * hit pays 1, is removed and reflects the ball vertically; a wall reflects it horizontally. At the
 * bottom row the ball bounces straight back when it was above the paddle, bounces off the paddle's
 * corner when it lands on it, and otherwise ends the episode. When the ball reaches the bottom row
 * with no bricks left, three fresh rows appear. The trail channel shows the ball's previous cell.
 * The game has no difficulty ramp; {@link MinAtarAction#UP}, {@link MinAtarAction#DOWN} and
 * {@link MinAtarAction#FIRE} do nothing.
 *
 * <p>Channels: 0 paddle, 1 ball, 2 trail, 3 brick.
 */
public final class Breakout extends MinAtarGame {
    public static final String ID = "MinAtar/Breakout-v0";

    static final int PADDLE = 0;
    static final int BALL = 1;
    static final int TRAIL = 2;
    static final int BRICK = 3;
    static final int CHANNELS = 4;

    /** Ball directions 0..3: up-left, up-right, down-right, down-left. */
    static final int UP_LEFT = 0;
    static final int UP_RIGHT = 1;
    static final int DOWN_RIGHT = 2;
    static final int DOWN_LEFT = 3;
    private static final int[] STEP_X = {-1, 1, 1, -1};
    private static final int[] STEP_Y = {-1, -1, 1, 1};
    private static final int[] MIRROR_HORIZONTAL = {1, 0, 3, 2};
    private static final int[] MIRROR_VERTICAL = {3, 2, 1, 0};
    private static final int[] MIRROR_BOTH = {2, 3, 0, 1};

    private final boolean[][] bricks = new boolean[SIZE][SIZE];
    private int ballX;
    private int ballY;
    private int ballDirection;
    private int paddle;
    private int lastX;
    private int lastY;
    private boolean strike;

    /** MinAtar's defaults: sticky actions with probability 0.1; unseeded until {@link #reset(long)}. */
    public Breakout() {
        this(DEFAULT_STICKY_ACTION_PROBABILITY);
    }

    /** A game whose sticky-action probability is {@code stickyActionProbability} (0 disables it). */
    public Breakout(double stickyActionProbability) {
        super(ID, CHANNELS, stickyActionProbability, new SplittableRandom());
    }

    @Override
    void resetGame() {
        ballY = 3;
        if (random().nextInt(2) == 0) {
            ballX = 0;
            ballDirection = DOWN_RIGHT;
        } else {
            ballX = 9;
            ballDirection = DOWN_LEFT;
        }
        paddle = 4;
        for (boolean[] row : bricks) {
            Arrays.fill(row, false);
        }
        fillBrickRows();
        strike = false;
        lastX = ballX;
        lastY = ballY;
    }

    @Override
    int act(MinAtarAction action) {
        int reward = 0;
        if (action == MinAtarAction.LEFT) {
            paddle = Math.max(0, paddle - 1);
        } else if (action == MinAtarAction.RIGHT) {
            paddle = Math.min(9, paddle + 1);
        }

        lastX = ballX;
        lastY = ballY;
        int newX = ballX + STEP_X[ballDirection];
        int newY = ballY + STEP_Y[ballDirection];

        boolean strikeToggle = false;
        if (newX < 0 || newX > 9) {
            newX = Math.max(0, Math.min(9, newX));
            ballDirection = MIRROR_HORIZONTAL[ballDirection];
        }
        if (newY < 0) {
            newY = 0;
            ballDirection = MIRROR_VERTICAL[ballDirection];
        } else if (bricks[newY][newX]) {
            strikeToggle = true;
            if (!strike) {
                reward += 1;
                strike = true;
                bricks[newY][newX] = false;
                newY = lastY;
                ballDirection = MIRROR_VERTICAL[ballDirection];
            }
        } else if (newY == 9) {
            if (brickCount() == 0) {
                fillBrickRows();
            }
            if (ballX == paddle) {
                ballDirection = MIRROR_VERTICAL[ballDirection];
                newY = lastY;
            } else if (newX == paddle) {
                ballDirection = MIRROR_BOTH[ballDirection];
                newY = lastY;
            } else {
                terminate();
            }
        }

        if (!strikeToggle) {
            strike = false;
        }
        ballX = newX;
        ballY = newY;
        return reward;
    }

    @Override
    void draw(double[] grid) {
        mark(grid, ballY, ballX, BALL);
        mark(grid, 9, paddle, PADDLE);
        mark(grid, lastY, lastX, TRAIL);
        for (int row = 0; row < SIZE; row++) {
            for (int column = 0; column < SIZE; column++) {
                if (bricks[row][column]) {
                    mark(grid, row, column, BRICK);
                }
            }
        }
    }

    /** Test hook: puts the ball at {@code (x, y)} heading {@code direction} with no trail of its own. */
    void placeBall(int x, int y, int direction) {
        ballX = x;
        ballY = y;
        lastX = x;
        lastY = y;
        ballDirection = direction;
        strike = false;
    }

    /** Test hook: moves the paddle to column {@code column}. */
    void placePaddle(int column) {
        paddle = column;
    }

    /** Test hook: sets or clears one brick. */
    void setBrick(int row, int column, boolean present) {
        bricks[row][column] = present;
    }

    int paddle() {
        return paddle;
    }

    int ballDirection() {
        return ballDirection;
    }

    int brickCount() {
        int count = 0;
        for (boolean[] row : bricks) {
            for (boolean brick : row) {
                count += brick ? 1 : 0;
            }
        }
        return count;
    }

    private void fillBrickRows() {
        for (int row = 1; row <= 3; row++) {
            Arrays.fill(bricks[row], true);
        }
    }
}
