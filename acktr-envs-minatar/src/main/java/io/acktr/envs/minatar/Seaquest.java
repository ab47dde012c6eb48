package io.acktr.envs.minatar;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Seaquest on a 10 x 10 grid, {@code MinAtar/Seaquest-v0}, with the rules Young and Tian 2019
 * describe: the player's submarine takes two cells, a front and a back, and fires torpedoes from its
 * front; enemy fish and enemy submarines cross the water, and only the submarines shoot; a torpedo
 * that strikes an enemy removes it and pays 1; divers cross the water too, and moving onto one
 * rescues it, up to {@value #MAX_DIVERS} on board, shown by a gauge along the bottom; oxygen, shown
 * by another gauge, runs down under water; coming up to the surface with at least one diver on board
 * refills it, costing one diver when fewer than {@value #MAX_DIVERS} are aboard, while surfacing with
 * {@value #MAX_DIVERS} lets them all off and pays 1 for each lit cell of the oxygen gauge; every
 * surfacing makes enemies appear more often and move faster; the episode ends when an enemy or an
 * enemy bullet hits the submarine, when oxygen runs out, or when the submarine surfaces with no diver
 * on board. A trail channel marks where each enemy and diver was before its last move.
 *
 * <p>Details the description leaves open, and how this game settles them (our choices):
 * <ul>
 *   <li>Row 0 is the surface, rows 1 to 8 are water, and row 9 holds the gauges: the oxygen gauge
 *       lights {@code oxygen * 10 / }{@value #MAX_OXYGEN} cells from the left, the diver gauge one cell
 *       per diver from the right. The submarine moves in rows 0 to 8; enemies and divers travel rows 1
 *       to 8, at most one enemy and one diver per row.</li>
 *   <li>The submarine starts at the surface, in columns 4 and 5, facing right, with full oxygen
 *       ({@value #MAX_OXYGEN}) and no divers. Left and right turn it that way and move it a cell;
 *       up and down move it a row. Oxygen drops by 1 for every step that ends under water.</li>
 *   <li>Surfacing means coming up from row 1 to row 0; staying at the surface is safe and costs no
 *       oxygen.</li>
 *   <li>Fire launches a torpedo into the cell ahead of the front when the launcher has reloaded
 *       ({@link Pace#reloadSteps()} steps after the last launch). Torpedoes and enemy bullets fly one
 *       cell a step along their row.</li>
 *   <li>Every {@link Pace#enemySpawnInterval()} steps an enemy, fish or submarine (a fair coin),
 *       enters a random row without an enemy, from a random side; enemies move a cell every
 *       {@link Pace#enemyMoveInterval()} steps and leave at the far edge. Each enemy submarine fires a
 *       bullet ahead of itself every {@link Pace#enemyShotInterval()} steps. Divers enter the same way
 *       every {@link Pace#diverSpawnInterval()} steps and move every {@link Pace#diverMoveInterval()}
 *       steps; with {@value #MAX_DIVERS} aboard the submarine passes over them.</li>
 *   <li>With difficulty ramping (on by default), each surfacing that does not end the episode
 *       shortens the enemy spawn interval by one step, down to {@value #FASTEST_ENEMY_SPAWN_INTERVAL},
 *       and every second one shortens the enemy move interval by one step, down to
 *       {@value #FASTEST_ENEMY_MOVE_INTERVAL}.</li>
 *   <li>Order of a step: torpedoes and enemy bullets fly, the submarine acts, enemies and divers move
 *       on their clocks, enemy submarines fire, divers are picked up, hits are checked, the submarine
 *       breathes, surfaces, and new enemies and divers enter. A torpedo and an enemy that meet in a
 *       cell at any point destroy each other.</li>
 * </ul>
 * The episode has no time limit.
 *
 * <p>Channels: 0 submarine front, 1 submarine back, 2 torpedo, 3 trail, 4 enemy bullet, 5 enemy
 * fish, 6 enemy submarine, 7 oxygen gauge, 8 diver gauge, 9 diver.
 */
public final class Seaquest extends MinAtarGame {
    public static final String ID = "MinAtar/Seaquest-v0";

    static final int SUB_FRONT = 0;
    static final int SUB_BACK = 1;
    static final int TORPEDO = 2;
    static final int TRAIL = 3;
    static final int ENEMY_BULLET = 4;
    static final int ENEMY_FISH = 5;
    static final int ENEMY_SUB = 6;
    static final int OXYGEN_GAUGE = 7;
    static final int DIVER_GAUGE = 8;
    static final int DIVER = 9;
    static final int CHANNELS = 10;

    static final int SURFACE = 0;
    static final int DEEPEST_ROW = SIZE - 2;
    static final int GAUGE_ROW = SIZE - 1;
    static final int MAX_OXYGEN = 180;
    static final int MAX_DIVERS = 6;
    static final int FASTEST_ENEMY_SPAWN_INTERVAL = 4;
    static final int FASTEST_ENEMY_MOVE_INTERVAL = 2;

    /**
     * The clocks of the game at the start of an episode, in steps (our choices).
     *
     * @param enemySpawnInterval steps between two enemies entering
     * @param enemyMoveInterval steps between two moves of the enemies
     * @param enemyShotInterval steps between two bullets of one enemy submarine
     * @param diverSpawnInterval steps between two divers entering
     * @param diverMoveInterval steps between two moves of the divers
     * @param reloadSteps steps after a launch before the next torpedo can go
     */
    record Pace(int enemySpawnInterval, int enemyMoveInterval, int enemyShotInterval, int diverSpawnInterval,
                int diverMoveInterval, int reloadSteps) {
        /**
         * Enemies enter every 18 steps and move every 5 at first, and each enemy submarine fires every
         * 12; divers enter every 25 steps and move every 4; the launcher reloads in 4 steps.
         */
        static final Pace STANDARD = new Pace(18, 5, 12, 25, 4, 4);

        Pace {
            if (enemySpawnInterval < 1 || enemyMoveInterval < 1 || enemyShotInterval < 1 || diverSpawnInterval < 1
                    || diverMoveInterval < 1 || reloadSteps < 0) {
                throw new IllegalArgumentException("intervals must be >= 1 and reloadSteps >= 0");
            }
        }
    }

    private enum Kind { FISH, SUB, DIVER }

    /** An enemy or a diver crossing its row, {@code heading} -1 (left) or 1 (right). */
    private static final class Swimmer {
        final Kind kind;
        final int row;
        final int heading;
        final Countdown shotClock;
        int column;

        Swimmer(Kind kind, int row, int column, int heading, int shotInterval) {
            this.kind = kind;
            this.row = row;
            this.column = column;
            this.heading = heading;
            this.shotClock = new Countdown(shotInterval);
        }

        void swim() {
            column += heading;
        }

        boolean onGrid() {
            return column >= 0 && column < SIZE;
        }
    }

    /** A torpedo or an enemy bullet flying along its row. */
    private static final class Shot {
        final int row;
        final int heading;
        int column;

        Shot(int row, int column, int heading) {
            this.row = row;
            this.column = column;
            this.heading = heading;
        }
    }

    private final boolean difficultyRamping;
    private final Pace pace;
    private final Swimmer[] enemies = new Swimmer[SIZE];
    private final Swimmer[] divers = new Swimmer[SIZE];
    private final List<Shot> torpedoes = new ArrayList<>();
    private final List<Shot> enemyBullets = new ArrayList<>();
    private final Countdown enemySpawnClock;
    private final Countdown enemyMoveClock;
    private final Countdown diverSpawnClock;
    private final Countdown diverMoveClock;
    private int subRow;
    private int subLeftColumn;
    private boolean facingRight;
    private int reloadLeft;
    private int oxygen;
    private int diversAboard;
    private int surfacings;
    private boolean over;

    /** With sticky actions at {@value MinAtarGame#DEFAULT_STICKY_ACTION_PROBABILITY} and difficulty ramping. */
    public Seaquest() {
        this(DEFAULT_STICKY_ACTION_PROBABILITY, true);
    }

    public Seaquest(double stickyActionProbability, boolean difficultyRamping) {
        this(stickyActionProbability, difficultyRamping, Pace.STANDARD);
    }

    Seaquest(double stickyActionProbability, boolean difficultyRamping, Pace pace) {
        super(ID, CHANNELS, stickyActionProbability);
        this.difficultyRamping = difficultyRamping;
        this.pace = requireNonNull(pace, "pace is null");
        this.enemySpawnClock = new Countdown(pace.enemySpawnInterval());
        this.enemyMoveClock = new Countdown(pace.enemyMoveInterval());
        this.diverSpawnClock = new Countdown(pace.diverSpawnInterval());
        this.diverMoveClock = new Countdown(pace.diverMoveInterval());
    }

    @Override
    void startEpisode() {
        Arrays.fill(enemies, null);
        Arrays.fill(divers, null);
        torpedoes.clear();
        enemyBullets.clear();
        enemySpawnClock.restart(pace.enemySpawnInterval());
        enemyMoveClock.restart(pace.enemyMoveInterval());
        diverSpawnClock.restart(pace.diverSpawnInterval());
        diverMoveClock.restart(pace.diverMoveInterval());
        subRow = SURFACE;
        subLeftColumn = SIZE / 2 - 1;
        facingRight = true;
        reloadLeft = 0;
        oxygen = MAX_OXYGEN;
        diversAboard = 0;
        surfacings = 0;
        over = false;
    }

    @Override
    int advance(MinAtarAction action) {
        boolean wasUnderWater = subRow > SURFACE;
        fly(torpedoes);
        fly(enemyBullets);
        steerOrFire(action);
        int reward = torpedoStrikes();
        if (enemyMoveClock.tick()) {
            swimAcross(enemies);
            reward += torpedoStrikes();
        }
        enemySubmarinesFire();
        if (diverMoveClock.tick()) {
            swimAcross(divers);
        }
        rescueDivers();
        if (subIsHit()) {
            over = true;
            return reward;
        }
        breathe();
        if (wasUnderWater && subRow == SURFACE && !over) {
            reward += surface();
        }
        if (enemySpawnClock.tick()) {
            letAnEnemyIn();
        }
        if (diverSpawnClock.tick()) {
            letADiverIn();
        }
        return reward;
    }

    @Override
    boolean isOver() {
        return over;
    }

    @Override
    void paint(Planes planes) {
        planes.mark(subRow, frontColumn(), SUB_FRONT);
        planes.mark(subRow, facingRight ? subLeftColumn : subLeftColumn + 1, SUB_BACK);
        for (Shot torpedo : torpedoes) {
            planes.mark(torpedo.row, torpedo.column, TORPEDO);
        }
        for (Shot bullet : enemyBullets) {
            planes.mark(bullet.row, bullet.column, ENEMY_BULLET);
        }
        for (int row = 0; row < SIZE; row++) {
            paintSwimmer(planes, enemies[row]);
            paintSwimmer(planes, divers[row]);
        }
        for (int column = 0; column < oxygenGaugeCells(); column++) {
            planes.mark(GAUGE_ROW, column, OXYGEN_GAUGE);
        }
        for (int column = SIZE - diversAboard; column < SIZE; column++) {
            planes.mark(GAUGE_ROW, column, DIVER_GAUGE);
        }
    }

    private static void paintSwimmer(Planes planes, Swimmer swimmer) {
        if (swimmer == null) {
            return;
        }
        int channel = switch (swimmer.kind) {
            case FISH -> ENEMY_FISH;
            case SUB -> ENEMY_SUB;
            case DIVER -> DIVER;
        };
        planes.mark(swimmer.row, swimmer.column, channel);
        int trailColumn = swimmer.column - swimmer.heading;
        if (Position.onGrid(swimmer.row, trailColumn)) {
            planes.mark(swimmer.row, trailColumn, TRAIL);
        }
    }

    private int frontColumn() {
        return facingRight ? subLeftColumn + 1 : subLeftColumn;
    }

    private int oxygenGaugeCells() {
        return oxygen * SIZE / MAX_OXYGEN;
    }

    private static void fly(List<Shot> shots) {
        for (Iterator<Shot> it = shots.iterator(); it.hasNext(); ) {
            Shot shot = it.next();
            shot.column += shot.heading;
            if (shot.column < 0 || shot.column >= SIZE) {
                it.remove();
            }
        }
    }

    private void steerOrFire(MinAtarAction action) {
        if (reloadLeft > 0) {
            reloadLeft--;
        }
        switch (action) {
            case UP -> subRow = Math.max(SURFACE, subRow - 1);
            case DOWN -> subRow = Math.min(DEEPEST_ROW, subRow + 1);
            case LEFT -> {
                facingRight = false;
                subLeftColumn = Math.max(0, subLeftColumn - 1);
            }
            case RIGHT -> {
                facingRight = true;
                subLeftColumn = Math.min(SIZE - 2, subLeftColumn + 1);
            }
            case FIRE -> launchATorpedo();
            case NOOP -> { }
        }
    }

    private void launchATorpedo() {
        int heading = facingRight ? 1 : -1;
        int column = frontColumn() + heading;
        if (reloadLeft == 0 && column >= 0 && column < SIZE) {
            torpedoes.add(new Shot(subRow, column, heading));
            reloadLeft = pace.reloadSteps();
        }
    }

    /** Each torpedo sharing a cell with an enemy destroys it and is spent; 1 per enemy. */
    private int torpedoStrikes() {
        int strikes = 0;
        for (Iterator<Shot> it = torpedoes.iterator(); it.hasNext(); ) {
            Shot torpedo = it.next();
            Swimmer enemy = enemies[torpedo.row];
            if (enemy != null && enemy.column == torpedo.column) {
                enemies[torpedo.row] = null;
                it.remove();
                strikes++;
            }
        }
        return strikes;
    }

    private static void swimAcross(Swimmer[] swimmers) {
        for (int row = 0; row < SIZE; row++) {
            Swimmer swimmer = swimmers[row];
            if (swimmer != null) {
                swimmer.swim();
                if (!swimmer.onGrid()) {
                    swimmers[row] = null;
                }
            }
        }
    }

    private void enemySubmarinesFire() {
        for (Swimmer enemy : enemies) {
            if (enemy != null && enemy.kind == Kind.SUB && enemy.shotClock.tick()) {
                int column = enemy.column + enemy.heading;
                if (column >= 0 && column < SIZE) {
                    enemyBullets.add(new Shot(enemy.row, column, enemy.heading));
                }
            }
        }
    }

    private void rescueDivers() {
        Swimmer diver = divers[subRow];
        if (diver != null && diversAboard < MAX_DIVERS && occupiedBySub(subRow, diver.column)) {
            divers[subRow] = null;
            diversAboard++;
        }
    }

    private boolean subIsHit() {
        Swimmer enemy = enemies[subRow];
        if (enemy != null && occupiedBySub(subRow, enemy.column)) {
            return true;
        }
        for (Shot bullet : enemyBullets) {
            if (occupiedBySub(bullet.row, bullet.column)) {
                return true;
            }
        }
        return false;
    }

    private boolean occupiedBySub(int row, int column) {
        return row == subRow && (column == subLeftColumn || column == subLeftColumn + 1);
    }

    private void breathe() {
        if (subRow > SURFACE) {
            oxygen--;
            if (oxygen <= 0) {
                over = true;
            }
        }
    }

    /** Coming up with divers refills oxygen; with none it ends the episode. The reward. */
    private int surface() {
        if (diversAboard == 0) {
            over = true;
            return 0;
        }
        int reward = 0;
        if (diversAboard == MAX_DIVERS) {
            reward = oxygenGaugeCells();
            diversAboard = 0;
        } else {
            diversAboard--;
        }
        oxygen = MAX_OXYGEN;
        surfacings++;
        if (difficultyRamping) {
            enemySpawnClock.changePeriod(Math.max(FASTEST_ENEMY_SPAWN_INTERVAL, enemySpawnClock.period() - 1));
            if (surfacings % 2 == 0) {
                enemyMoveClock.changePeriod(Math.max(FASTEST_ENEMY_MOVE_INTERVAL, enemyMoveClock.period() - 1));
            }
        }
        return reward;
    }

    private void letAnEnemyIn() {
        int row = randomRowWithout(enemies);
        if (row < 0) {
            return;
        }
        Kind kind = random().nextBoolean() ? Kind.SUB : Kind.FISH;
        boolean fromTheLeft = random().nextBoolean();
        enemies[row] = new Swimmer(kind, row, fromTheLeft ? 0 : SIZE - 1, fromTheLeft ? 1 : -1,
                pace.enemyShotInterval());
    }

    private void letADiverIn() {
        int row = randomRowWithout(divers);
        if (row < 0) {
            return;
        }
        boolean fromTheLeft = random().nextBoolean();
        divers[row] = new Swimmer(Kind.DIVER, row, fromTheLeft ? 0 : SIZE - 1, fromTheLeft ? 1 : -1, Countdown.NEVER);
    }

    /** A random water row holding no swimmer of {@code swimmers}, or -1 when every row holds one. */
    private int randomRowWithout(Swimmer[] swimmers) {
        int free = 0;
        for (int row = SURFACE + 1; row <= DEEPEST_ROW; row++) {
            free += swimmers[row] == null ? 1 : 0;
        }
        if (free == 0) {
            return -1;
        }
        int pick = random().nextInt(free);
        for (int row = SURFACE + 1; row <= DEEPEST_ROW; row++) {
            if (swimmers[row] == null && pick-- == 0) {
                return row;
            }
        }
        throw new AssertionError("unreachable");
    }

    // Set-ups and read-outs for tests of single rules.

    /** Puts the submarine in {@code row} on columns {@code leftColumn} and {@code leftColumn + 1}. */
    void placeSub(int row, int leftColumn, boolean facingRight) {
        subRow = row;
        subLeftColumn = leftColumn;
        this.facingRight = facingRight;
    }

    /** Puts an enemy submarine ({@code submarine}) or fish at {@code (row, column)} heading {@code heading}. */
    void placeEnemy(int row, int column, int heading, boolean submarine) {
        enemies[row] = new Swimmer(submarine ? Kind.SUB : Kind.FISH, row, column, heading, pace.enemyShotInterval());
    }

    void placeDiver(int row, int column, int heading) {
        divers[row] = new Swimmer(Kind.DIVER, row, column, heading, Countdown.NEVER);
    }

    void setDiversAboard(int count) {
        diversAboard = count;
    }

    void setOxygen(int oxygen) {
        this.oxygen = oxygen;
    }

    int diversAboard() {
        return diversAboard;
    }

    int oxygen() {
        return oxygen;
    }

    int enemySpawnInterval() {
        return enemySpawnClock.period();
    }

    int enemyMoveInterval() {
        return enemyMoveClock.period();
    }
}
