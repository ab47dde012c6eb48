package io.acktr.envs.minatar;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Space Invaders on a 10 x 10 grid, {@code MinAtar/SpaceInvaders-v0}, with the rules Young and Tian
 * 2019 describe: a cannon on the bottom row shoots upward at a block of aliens; the aliens march
 * sideways until one of them reaches an edge, then all step down and turn around; two channels, one
 * for each direction, mark every alien with the direction the block is marching; each alien shot
 * pays 1 and removes it; the aliens shoot back; when few aliens are left they march faster, a lone
 * alien moving every step; a cleared wave is followed by a new one marching a little faster; the
 * episode ends when an alien or an alien bullet reaches the cannon.
 *
 * <p>Details the description leaves open, and how this game settles them (our choices):
 * <ul>
 *   <li>A wave is 4 rows of 6 aliens, in rows 0 to 3 and columns 2 to 7, marching right first. The
 *       cannon starts in column {@value #CANNON_START_COLUMN}.</li>
 *   <li>The block takes a step every {@code min(aliens left, march interval)} steps, the march
 *       interval being {@link Pace#marchInterval()} for the first wave and one step shorter for every
 *       later wave with difficulty ramping (on by default), down to {@value #FASTEST_MARCH_INTERVAL}.
 *       A step that would carry an alien off the grid is a step down and a turn instead.</li>
 *   <li>Every {@link Pace#alienShotInterval()} steps the lowest alien of the occupied column nearest
 *       the cannon (the left one on a tie) drops a bullet just below itself.</li>
 *   <li>Fire puts a bullet in the cell above the cannon when the cannon has reloaded
 *       ({@link Pace#reloadSteps()} steps after its last shot). Bullets fly a cell a step and the two
 *       kinds pass through each other.</li>
 *   <li>Aliens reaching the cannon's row have landed: that ends the episode whether or not one is in
 *       the cannon's cell.</li>
 *   <li>Order of a step: bullets fly, the cannon acts, hits are checked, the block marches on its
 *       clock (hits checked again), the aliens fire on theirs, and a cleared wave is replaced.</li>
 * </ul>
 * The episode has no time limit. {@link MinAtarAction#UP} and {@link MinAtarAction#DOWN} do
 * nothing.
 *
 * <p>Channels: 0 cannon, 1 alien, 2 alien marching left, 3 alien marching right, 4 cannon bullet,
 * 5 alien bullet.
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

    static final int CANNON_ROW = SIZE - 1;
    static final int CANNON_START_COLUMN = 5;
    static final int WAVE_ROWS = 4;
    static final int WAVE_COLUMNS = 6;
    static final int WAVE_FIRST_COLUMN = 2;
    static final int FASTEST_MARCH_INTERVAL = 4;

    /**
     * The clocks of the game, in steps (our choices).
     *
     * @param marchInterval steps between two steps of the first wave's block while many aliens are left
     * @param alienShotInterval steps between two alien bullets
     * @param reloadSteps steps after a shot before the cannon can fire again
     */
    record Pace(int marchInterval, int alienShotInterval, int reloadSteps) {
        /** The first wave marches every 10 steps, the aliens fire every 10, the cannon reloads in 4. */
        static final Pace STANDARD = new Pace(10, 10, 4);

        Pace {
            if (marchInterval < 1 || alienShotInterval < 1 || reloadSteps < 0) {
                throw new IllegalArgumentException("intervals must be >= 1 and reloadSteps >= 0");
            }
        }
    }

    private final boolean difficultyRamping;
    private final Pace pace;
    private final boolean[][] aliens = new boolean[SIZE][SIZE];
    private final List<Position> cannonBullets = new ArrayList<>();
    private final List<Position> alienBullets = new ArrayList<>();
    private final Countdown marchClock = new Countdown(1);
    private final Countdown alienShotClock = new Countdown(1);
    private int waveMarchInterval;
    private int aliensLeft;
    private int marchHeading;
    private int cannonColumn;
    private int reloadLeft;
    private boolean over;

    /** With sticky actions at {@value MinAtarGame#DEFAULT_STICKY_ACTION_PROBABILITY} and difficulty ramping. */
    public SpaceInvaders() {
        this(DEFAULT_STICKY_ACTION_PROBABILITY, true);
    }

    public SpaceInvaders(double stickyActionProbability, boolean difficultyRamping) {
        this(stickyActionProbability, difficultyRamping, Pace.STANDARD);
    }

    SpaceInvaders(double stickyActionProbability, boolean difficultyRamping, Pace pace) {
        super(ID, CHANNELS, stickyActionProbability);
        this.difficultyRamping = difficultyRamping;
        this.pace = requireNonNull(pace, "pace is null");
    }

    @Override
    void startEpisode() {
        cannonBullets.clear();
        alienBullets.clear();
        alienShotClock.restart(pace.alienShotInterval());
        waveMarchInterval = pace.marchInterval();
        cannonColumn = CANNON_START_COLUMN;
        reloadLeft = 0;
        over = false;
        sendAWave();
    }

    @Override
    int advance(MinAtarAction action) {
        flyBullets();
        aimOrFire(action);
        int reward = bulletsStrikeAliens();
        if (aliensLeft > 0 && marchClock.tick()) {
            march();
            reward += bulletsStrikeAliens();
        }
        if (aliensLeft > 0 && alienShotClock.tick()) {
            anAlienFires();
        }
        over = aliensHaveLanded() || cannonIsHit();
        if (aliensLeft == 0 && !over) {
            if (difficultyRamping) {
                waveMarchInterval = Math.max(FASTEST_MARCH_INTERVAL, waveMarchInterval - 1);
            }
            sendAWave();
        }
        return reward;
    }

    @Override
    boolean isOver() {
        return over;
    }

    @Override
    void paint(Planes planes) {
        planes.mark(CANNON_ROW, cannonColumn, CANNON);
        int heading = marchHeading < 0 ? ALIEN_LEFT : ALIEN_RIGHT;
        for (int row = 0; row < SIZE; row++) {
            for (int column = 0; column < SIZE; column++) {
                if (aliens[row][column]) {
                    planes.mark(row, column, ALIEN);
                    planes.mark(row, column, heading);
                }
            }
        }
        for (Position bullet : cannonBullets) {
            planes.mark(bullet, FRIENDLY_BULLET);
        }
        for (Position bullet : alienBullets) {
            planes.mark(bullet, ENEMY_BULLET);
        }
    }

    private void sendAWave() {
        for (int row = 0; row < SIZE; row++) {
            for (int column = 0; column < SIZE; column++) {
                aliens[row][column] = row < WAVE_ROWS
                        && column >= WAVE_FIRST_COLUMN && column < WAVE_FIRST_COLUMN + WAVE_COLUMNS;
            }
        }
        aliensLeft = WAVE_ROWS * WAVE_COLUMNS;
        marchHeading = 1;
        marchClock.restart(marchPeriod());
    }

    /** Steps between two marching steps: the wave's interval, or fewer once fewer aliens are left. */
    private int marchPeriod() {
        return Math.max(1, Math.min(aliensLeft, waveMarchInterval));
    }

    private void flyBullets() {
        move(cannonBullets, -1);
        move(alienBullets, 1);
    }

    private static void move(List<Position> bullets, int rows) {
        for (int i = bullets.size() - 1; i >= 0; i--) {
            Position moved = bullets.get(i).offset(rows, 0);
            if (moved.onGrid()) {
                bullets.set(i, moved);
            } else {
                bullets.remove(i);
            }
        }
    }

    private void aimOrFire(MinAtarAction action) {
        if (reloadLeft > 0) {
            reloadLeft--;
        }
        switch (action) {
            case LEFT -> cannonColumn = Math.max(0, cannonColumn - 1);
            case RIGHT -> cannonColumn = Math.min(SIZE - 1, cannonColumn + 1);
            case FIRE -> {
                if (reloadLeft == 0) {
                    cannonBullets.add(new Position(CANNON_ROW - 1, cannonColumn));
                    reloadLeft = pace.reloadSteps();
                }
            }
            case NOOP, UP, DOWN -> { }
        }
    }

    /** Every cannon bullet in an alien's cell removes it and is spent; 1 per alien. */
    private int bulletsStrikeAliens() {
        int strikes = 0;
        for (Iterator<Position> it = cannonBullets.iterator(); it.hasNext(); ) {
            Position bullet = it.next();
            if (aliens[bullet.row()][bullet.column()]) {
                aliens[bullet.row()][bullet.column()] = false;
                aliensLeft--;
                it.remove();
                strikes++;
            }
        }
        if (strikes > 0 && aliensLeft > 0) {
            marchClock.changePeriod(marchPeriod());
        }
        return strikes;
    }

    /** One step of the block sideways, or down and turned around when an alien is at the edge it heads for. */
    private void march() {
        boolean atTheEdge = false;
        for (int row = 0; row < SIZE && !atTheEdge; row++) {
            int edge = marchHeading > 0 ? SIZE - 1 : 0;
            atTheEdge = aliens[row][edge];
        }
        if (atTheEdge) {
            shiftAliens(1, 0);
            marchHeading = -marchHeading;
        } else {
            shiftAliens(0, marchHeading);
        }
    }

    private void shiftAliens(int rows, int columns) {
        boolean[][] shifted = new boolean[SIZE][SIZE];
        for (int row = 0; row < SIZE; row++) {
            for (int column = 0; column < SIZE; column++) {
                if (aliens[row][column] && Position.onGrid(row + rows, column + columns)) {
                    shifted[row + rows][column + columns] = true;
                }
            }
        }
        for (int row = 0; row < SIZE; row++) {
            System.arraycopy(shifted[row], 0, aliens[row], 0, SIZE);
        }
    }

    private void anAlienFires() {
        int column = nearestOccupiedColumn();
        for (int row = SIZE - 1; row >= 0; row--) {
            if (aliens[row][column]) {
                if (row + 1 < SIZE) {
                    alienBullets.add(new Position(row + 1, column));
                }
                return;
            }
        }
    }

    private int nearestOccupiedColumn() {
        int best = -1;
        for (int column = 0; column < SIZE; column++) {
            if (columnHasAliens(column)
                    && (best < 0 || Math.abs(column - cannonColumn) < Math.abs(best - cannonColumn))) {
                best = column;
            }
        }
        return best;
    }

    private boolean columnHasAliens(int column) {
        for (int row = 0; row < SIZE; row++) {
            if (aliens[row][column]) {
                return true;
            }
        }
        return false;
    }

    private boolean aliensHaveLanded() {
        for (int column = 0; column < SIZE; column++) {
            if (aliens[CANNON_ROW][column]) {
                return true;
            }
        }
        return false;
    }

    private boolean cannonIsHit() {
        return alienBullets.contains(new Position(CANNON_ROW, cannonColumn));
    }

    // Set-ups and read-outs for tests of single rules.

    void placeCannon(int column) {
        cannonColumn = column;
    }

    /** Replaces the block by aliens on {@code cells}, the march clock starting afresh. */
    void layAliens(Position... cells) {
        for (boolean[] row : aliens) {
            Arrays.fill(row, false);
        }
        for (Position cell : cells) {
            aliens[cell.row()][cell.column()] = true;
        }
        aliensLeft = cells.length;
        marchClock.restart(marchPeriod());
    }

    /** Steps between two marching steps right now. */
    int currentMarchPeriod() {
        return marchClock.period();
    }

    /** The march interval of the current wave while many aliens are left. */
    int waveMarchInterval() {
        return waveMarchInterval;
    }
}
