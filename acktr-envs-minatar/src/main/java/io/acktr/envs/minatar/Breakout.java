package io.acktr.envs.minatar;

import java.util.Arrays;

/**
 * Breakout on a 10 x 10 grid, {@code MinAtar/Breakout-v0}, with the rules Young and Tian 2019
 * describe: a paddle on the bottom row bounces a ball into three rows of bricks near the top; the
 * ball moves only along diagonals and is reflected by the walls and by the bricks; the paddle sends
 * it back to the left or to the right depending on which side of the paddle it meets; each broken
 * brick pays 1; when the last brick is gone three fresh rows appear; the episode ends when the ball
 * reaches the bottom row. The trail channel marks where the ball was one step earlier, which shows
 * its direction.
 *
 * <p>Details the description leaves open, and how this game settles them (our choices):
 * <ul>
 *   <li>Bricks fill rows {@value #FIRST_BRICK_ROW} to {@value #LAST_BRICK_ROW}; row 0 stays open, so a
 *       ball that breaks through keeps bouncing between the ceiling and the back of the wall.</li>
 *   <li>An episode starts with the paddle in column {@value #PADDLE_START_COLUMN} and the ball in row
 *       {@value #BALL_START_ROW}, in a random column, heading down and to a random side; its trail
 *       starts under it.</li>
 *   <li>The ball moves one cell a step, after the paddle, and is reflected where it would cross a
 *       boundary: the coordinate across that boundary stays for this step and its heading flips,
 *       while the other coordinate advances. A side wall keeps it in its column (it moves straight
 *       up or down); the ceiling, a brick or the paddle keeps it in its row (it moves sideways).
 *       Heading into a corner, it stays put. So the ball changes between the two colours of the
 *       grid's checkerboard at each reflection; moving diagonally only, it would stay on one colour
 *       and reach half the bricks.</li>
 *   <li>A brick the ball is about to enter breaks and reflects it; one brick breaks per step at most,
 *       and a ball whose sideways step would end on a brick stays where it is.</li>
 *   <li>The paddle is one cell wide and catches the ball that is about to enter the bottom row when it
 *       is under the ball or under the ball's landing cell. Under the landing cell, the ball met the
 *       paddle's near side and heads back up the way it came; under the ball, it clips the far side
 *       and heads up keeping its horizontal heading.</li>
 *   <li>The new rows appear as soon as the ball is below the brick rows, so no brick appears on the
 *       ball.</li>
 * </ul>
 * The game has no difficulty ramp. {@link MinAtarAction#LEFT} and {@link MinAtarAction#RIGHT} move
 * the paddle one cell; the other actions leave it where it is.
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

    static final int PADDLE_ROW = SIZE - 1;
    static final int FIRST_BRICK_ROW = 1;
    static final int LAST_BRICK_ROW = 3;
    static final int BALL_START_ROW = 4;
    static final int PADDLE_START_COLUMN = 4;

    private final boolean[][] bricks = new boolean[SIZE][SIZE];
    private int paddleColumn;
    private Position ball;
    private Position trail;
    private int rowHeading;
    private int columnHeading;
    private boolean ballLost;

    /** With sticky actions at {@value MinAtarGame#DEFAULT_STICKY_ACTION_PROBABILITY}. */
    public Breakout() {
        this(DEFAULT_STICKY_ACTION_PROBABILITY);
    }

    public Breakout(double stickyActionProbability) {
        super(ID, CHANNELS, stickyActionProbability);
    }

    @Override
    void startEpisode() {
        buildWall();
        paddleColumn = PADDLE_START_COLUMN;
        ball = new Position(BALL_START_ROW, random().nextInt(SIZE));
        trail = ball;
        rowHeading = 1;
        columnHeading = random().nextBoolean() ? 1 : -1;
        ballLost = false;
    }

    @Override
    int advance(MinAtarAction action) {
        movePaddle(action);
        int reward = moveBall();
        rebuildTheWallOnceTheBallIsBelowIt();
        return reward;
    }

    @Override
    boolean isOver() {
        return ballLost;
    }

    @Override
    void paint(Planes planes) {
        planes.mark(PADDLE_ROW, paddleColumn, PADDLE);
        planes.mark(ball, BALL);
        planes.mark(trail, TRAIL);
        for (int row = 0; row < SIZE; row++) {
            for (int column = 0; column < SIZE; column++) {
                if (bricks[row][column]) {
                    planes.mark(row, column, BRICK);
                }
            }
        }
    }

    private void movePaddle(MinAtarAction action) {
        if (action == MinAtarAction.LEFT) {
            paddleColumn = Math.max(0, paddleColumn - 1);
        } else if (action == MinAtarAction.RIGHT) {
            paddleColumn = Math.min(SIZE - 1, paddleColumn + 1);
        }
    }

    /** One step of the ball, reflected at the walls, the ceiling, a brick or the paddle; the reward. */
    private int moveBall() {
        trail = ball;
        int row = ball.row();
        int column = ball.column();
        int nextColumn = column + columnHeading;
        if (nextColumn < 0 || nextColumn >= SIZE) {
            columnHeading = -columnHeading;
            nextColumn = column;
        }
        int nextRow = row + rowHeading;
        int reward = 0;
        if (nextRow < 0) {
            rowHeading = 1;
            nextRow = row;
        } else if (bricks[nextRow][nextColumn]) {
            bricks[nextRow][nextColumn] = false;
            reward = 1;
            rowHeading = -rowHeading;
            nextRow = row;
            if (bricks[row][nextColumn]) {
                nextColumn = column;
            }
        } else if (nextRow == PADDLE_ROW && paddleColumn == column) {
            rowHeading = -1;
            nextRow = row;
        } else if (nextRow == PADDLE_ROW && paddleColumn == nextColumn) {
            rowHeading = -1;
            columnHeading = -columnHeading;
            nextRow = row;
        }
        ball = new Position(nextRow, nextColumn);
        ballLost = ball.row() == PADDLE_ROW;
        return reward;
    }

    private void rebuildTheWallOnceTheBallIsBelowIt() {
        if (ball.row() > LAST_BRICK_ROW && brickCount() == 0) {
            buildWall();
        }
    }

    private void buildWall() {
        for (int row = 0; row < SIZE; row++) {
            for (int column = 0; column < SIZE; column++) {
                bricks[row][column] = row >= FIRST_BRICK_ROW && row <= LAST_BRICK_ROW;
            }
        }
    }

    // Set-ups for tests of single rules.

    int brickCount() {
        int count = 0;
        for (boolean[] row : bricks) {
            for (boolean brick : row) {
                count += brick ? 1 : 0;
            }
        }
        return count;
    }

    /** Puts the ball at {@code cell} heading {@code (rowHeading, columnHeading)}, each -1 or 1; its trail under it. */
    void placeBall(Position cell, int rowHeading, int columnHeading) {
        this.ball = cell;
        this.trail = cell;
        this.rowHeading = rowHeading;
        this.columnHeading = columnHeading;
    }

    void placePaddle(int column) {
        paddleColumn = column;
    }

    /** Removes every brick, then lays one on each of {@code cells}. */
    void layBricks(Position... cells) {
        for (boolean[] row : bricks) {
            Arrays.fill(row, false);
        }
        for (Position cell : cells) {
            bricks[cell.row()][cell.column()] = true;
        }
    }
}
