package io.acktr.envs.minatar;

import java.util.SplittableRandom;

/**
 * A port of MinAtar's Space Invaders ({@code minatar/environments/space_invaders.py}), registered
 * as {@code MinAtar/SpaceInvaders-v0}. The cannon moves along the bottom row and fires upward (at
 * most once every 5 steps). A block of 4 x 6 aliens marches sideways and steps down and turns when
 * one reaches the edge; every 10 steps the lowest alien of the column nearest the cannon fires
 * downward. Shooting an alien pays 1 and removes it. An alien or an alien bullet reaching the
 * cannon ends the episode, as does the block turning while an alien is in the bottom row. The
 * block moves every {@code min(aliens left, interval)} steps, so the last aliens speed up; when a
 * wave is cleared a new one appears and, with difficulty ramping (MinAtar's default), its interval
 * is one step shorter (from 12, down to 6).
 *
 * <p>Channels: 0 cannon, 1 alien, 2 alien moving left, 3 alien moving right, 4 friendly bullet,
 * 5 enemy bullet.
 */
public final class SpaceInvaders extends MinAtarGame {
    public static final String ID = "MinAtar/SpaceInvaders-v0";

    static final int CANNON = 0;
    static final int ALIEN = 1;
    static final int ALIEN_LEFT = 2;
    static final int ALIEN_RIGHT = 3;
    static final int FRIENDLY_BULLET = 4;
    static final int ENEMY_BULLET = 5;
    static final int CHANNELS = 6;

    static final int SHOT_COOL_DOWN = 5;
    static final int ENEMY_MOVE_INTERVAL = 12;
    static final int ENEMY_SHOT_INTERVAL = 10;
    static final int FASTEST_MOVE_INTERVAL = 6;

    private final boolean ramping;
    private boolean[][] aliens = new boolean[SIZE][SIZE];
    private boolean[][] friendlyBullets = new boolean[SIZE][SIZE];
    private boolean[][] enemyBullets = new boolean[SIZE][SIZE];
    private int cannon;
    private int alienDirection;
    private int enemyMoveInterval;
    private int alienMoveTimer;
    private int alienShotTimer;
    private int rampIndex;
    private int shotTimer;

    /** MinAtar's defaults: sticky actions with probability 0.1, difficulty ramping on. */
    public SpaceInvaders() {
        this(DEFAULT_STICKY_ACTION_PROBABILITY, true);
    }

    /** A game with the given sticky-action probability (0 disables it) and difficulty ramping. */
    public SpaceInvaders(double stickyActionProbability, boolean difficultyRamping) {
        super(ID, CHANNELS, stickyActionProbability, new SplittableRandom());
        this.ramping = difficultyRamping;
    }

    @Override
    void resetGame() {
        cannon = 5;
        friendlyBullets = new boolean[SIZE][SIZE];
        enemyBullets = new boolean[SIZE][SIZE];
        aliens = new boolean[SIZE][SIZE];
        spawnWave();
        alienDirection = -1;
        enemyMoveInterval = ENEMY_MOVE_INTERVAL;
        alienMoveTimer = enemyMoveInterval;
        alienShotTimer = ENEMY_SHOT_INTERVAL;
        rampIndex = 0;
        shotTimer = 0;
    }

    @Override
    int act(MinAtarAction action) {
        int reward = 0;
        if (action == MinAtarAction.FIRE && shotTimer == 0) {
            friendlyBullets[9][cannon] = true;
            shotTimer = SHOT_COOL_DOWN;
        } else if (action == MinAtarAction.LEFT) {
            cannon = Math.max(0, cannon - 1);
        } else if (action == MinAtarAction.RIGHT) {
            cannon = Math.min(9, cannon + 1);
        }

        friendlyBullets = shiftRows(friendlyBullets, -1);
        enemyBullets = shiftRows(enemyBullets, 1);
        if (enemyBullets[9][cannon]) {
            terminate();
        }

        if (aliens[9][cannon]) {
            terminate();
        }
        if (alienMoveTimer == 0) {
            alienMoveTimer = Math.min(count(aliens), enemyMoveInterval);
            if ((columnOccupied(0) && alienDirection < 0) || (columnOccupied(9) && alienDirection > 0)) {
                alienDirection = -alienDirection;
                if (rowOccupied(9)) {
                    terminate();
                }
                aliens = rollDown(aliens);
            } else {
                aliens = rollSideways(aliens, alienDirection);
            }
            if (aliens[9][cannon]) {
                terminate();
            }
        }
        if (alienShotTimer == 0) {
            alienShotTimer = ENEMY_SHOT_INTERVAL;
            int column = nearestAlienColumn();
            if (column >= 0) {
                enemyBullets[lowestAlienRow(column)][column] = true;
            }
        }

        for (int row = 0; row < SIZE; row++) {
            for (int column = 0; column < SIZE; column++) {
                if (aliens[row][column] && friendlyBullets[row][column]) {
                    reward += 1;
                    aliens[row][column] = false;
                    friendlyBullets[row][column] = false;
                }
            }
        }

        if (shotTimer > 0) {
            shotTimer--;
        }
        alienMoveTimer--;
        alienShotTimer--;
        if (count(aliens) == 0) {
            if (enemyMoveInterval > FASTEST_MOVE_INTERVAL && ramping) {
                enemyMoveInterval--;
                rampIndex++;
            }
            spawnWave();
        }
        return reward;
    }

    @Override
    void draw(double[] grid) {
        mark(grid, 9, cannon, CANNON);
        int direction = alienDirection < 0 ? ALIEN_LEFT : ALIEN_RIGHT;
        for (int row = 0; row < SIZE; row++) {
            for (int column = 0; column < SIZE; column++) {
                if (aliens[row][column]) {
                    mark(grid, row, column, ALIEN);
                    mark(grid, row, column, direction);
                }
                if (friendlyBullets[row][column]) {
                    mark(grid, row, column, FRIENDLY_BULLET);
                }
                if (enemyBullets[row][column]) {
                    mark(grid, row, column, ENEMY_BULLET);
                }
            }
        }
    }

    /**
     * MinAtar's {@code _nearest_alien}: columns in order of distance from the cannon (the left one
     * first on a tie); the first holding an alien, or -1 when there is none.
     */
    private int nearestAlienColumn() {
        for (int distance = 0; distance < SIZE; distance++) {
            for (int column : new int[] {cannon - distance, cannon + distance}) {
                if (column >= 0 && column < SIZE && columnOccupied(column)) {
                    return column;
                }
            }
        }
        return -1;
    }

    private int lowestAlienRow(int column) {
        for (int row = SIZE - 1; row >= 0; row--) {
            if (aliens[row][column]) {
                return row;
            }
        }
        throw new IllegalStateException("no alien in column " + column);
    }

    private void spawnWave() {
        for (int row = 0; row < 4; row++) {
            for (int column = 2; column < 8; column++) {
                aliens[row][column] = true;
            }
        }
    }

    private boolean columnOccupied(int column) {
        for (boolean[] row : aliens) {
            if (row[column]) {
                return true;
            }
        }
        return false;
    }

    private boolean rowOccupied(int row) {
        for (boolean alien : aliens[row]) {
            if (alien) {
                return true;
            }
        }
        return false;
    }

    private static int count(boolean[][] map) {
        int count = 0;
        for (boolean[] row : map) {
            for (boolean cell : row) {
                count += cell ? 1 : 0;
            }
        }
        return count;
    }

    /** Moves every row by {@code offset} (-1 up, +1 down); what leaves the grid is dropped. */
    private static boolean[][] shiftRows(boolean[][] map, int offset) {
        boolean[][] shifted = new boolean[SIZE][];
        for (int row = 0; row < SIZE; row++) {
            int source = row - offset;
            shifted[row] = source >= 0 && source < SIZE ? map[source] : new boolean[SIZE];
        }
        return shifted;
    }

    /** NumPy's {@code roll(map, 1, axis=0)}: one row down, the bottom row wrapping to the top. */
    private static boolean[][] rollDown(boolean[][] map) {
        boolean[][] rolled = new boolean[SIZE][];
        for (int row = 0; row < SIZE; row++) {
            rolled[row] = map[Math.floorMod(row - 1, SIZE)];
        }
        return rolled;
    }

    /** NumPy's {@code roll(map, offset, axis=1)}. */
    private static boolean[][] rollSideways(boolean[][] map, int offset) {
        boolean[][] rolled = new boolean[SIZE][SIZE];
        for (int row = 0; row < SIZE; row++) {
            for (int column = 0; column < SIZE; column++) {
                rolled[row][column] = map[row][Math.floorMod(column - offset, SIZE)];
            }
        }
        return rolled;
    }

    /** Test hook: moves the cannon to column {@code column}. */
    void placeCannon(int column) {
        cannon = column;
    }

    /** Test hook: removes every alien and bullet. */
    void clearField() {
        aliens = new boolean[SIZE][SIZE];
        friendlyBullets = new boolean[SIZE][SIZE];
        enemyBullets = new boolean[SIZE][SIZE];
    }

    /** Test hook: sets or clears one alien. */
    void setAlien(int row, int column, boolean present) {
        aliens[row][column] = present;
    }

    /** Test hook: puts an enemy bullet at {@code (row, column)}. */
    void placeEnemyBullet(int row, int column) {
        enemyBullets[row][column] = true;
    }

    /** Test hook: sets the countdowns of the block's next move, the aliens' next shot and the cannon's cool-down. */
    void setTimers(int alienMoveTimer, int alienShotTimer, int shotTimer) {
        this.alienMoveTimer = alienMoveTimer;
        this.alienShotTimer = alienShotTimer;
        this.shotTimer = shotTimer;
    }

    int cannon() {
        return cannon;
    }

    int alienCount() {
        return count(aliens);
    }

    int enemyMoveInterval() {
        return enemyMoveInterval;
    }

    int alienDirection() {
        return alienDirection;
    }

    /** How many waves have sped up (MinAtar's {@code difficulty_ramp()}). */
    int rampIndex() {
        return rampIndex;
    }
}
