package io.acktr.envs.minatar;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * Asterix on a 10 x 10 grid, {@code MinAtar/Asterix-v0}, with the rules Young and Tian 2019
 * describe: the player moves freely up, down, left and right; enemies and gold enter from the sides
 * and cross the grid; picking up gold pays 1; touching an enemy ends the episode; a trail channel
 * behind each enemy and piece of gold shows which way it is going; every so often the game gets
 * harder, with enemies and gold entering more often and moving faster.
 *
 * <p>Details the description leaves open, and how this game settles them (our choices):
 * <ul>
 *   <li>Enemies and gold travel along lanes, rows {@value #TOP_LANE} to {@value #BOTTOM_LANE}, at most
 *       one per lane; the player stays within the lanes and starts at row {@value #PLAYER_START_ROW},
 *       column {@value #PLAYER_START_COLUMN}.</li>
 *   <li>Every {@link Pace#spawnInterval()} steps something enters a random empty lane (nothing when all
 *       lanes are busy) from the left or right edge (a fair coin), heading across; it is gold with
 *       probability 1 / {@value #ONE_IN_GOLD}, otherwise an enemy. All of them step one cell every
 *       {@link Pace#moveInterval()} steps and leave at the far edge.</li>
 *   <li>In a step the player moves first, then enemies and gold move, then something may enter;
 *       sharing a cell at any of these points counts as a touch, so the player cannot slip through an
 *       enemy.</li>
 *   <li>With difficulty ramping (on by default), every {@link Pace#rampPeriod()} steps the spawn
 *       interval shrinks by one step, down to {@value #FASTEST_SPAWN_INTERVAL}, and every third ramp
 *       ({@link #RAMPS_PER_SPEED_UP}) the move interval shrinks by one step, down to 1.</li>
 * </ul>
 * The episode has no time limit. {@link MinAtarAction#FIRE} does nothing.
 *
 * <p>Channels: 0 player, 1 enemy, 2 trail, 3 gold.
 */
public final class Asterix extends MinAtarGame {
    public static final String ID = "MinAtar/Asterix-v0";

    static final int PLAYER = 0;
    static final int ENEMY = 1;
    static final int TRAIL = 2;
    static final int GOLD = 3;
    static final int CHANNELS = 4;

    static final int TOP_LANE = 1;
    static final int BOTTOM_LANE = SIZE - 2;
    static final int PLAYER_START_ROW = 5;
    static final int PLAYER_START_COLUMN = 5;
    static final int ONE_IN_GOLD = 3;
    static final int FASTEST_SPAWN_INTERVAL = 2;
    static final int RAMPS_PER_SPEED_UP = 3;

    /**
     * The clocks of the game, in steps (our choices).
     *
     * @param spawnInterval steps between two entries at the start of an episode
     * @param moveInterval steps between two moves of the enemies and gold at the start of an episode
     * @param rampPeriod steps between two difficulty ramps
     */
    record Pace(int spawnInterval, int moveInterval, int rampPeriod) {
        /** Something enters every 8 steps and everything moves every 4 at first; a ramp every 200 steps. */
        static final Pace STANDARD = new Pace(8, 4, 200);

        Pace {
            if (spawnInterval < 1 || moveInterval < 1 || rampPeriod < 1) {
                throw new IllegalArgumentException("every interval must be >= 1, got " + spawnInterval + ", "
                        + moveInterval + ", " + rampPeriod);
            }
        }
    }

    /** An enemy or a piece of gold crossing its lane one cell at a time, {@code heading} -1 or 1. */
    private record Visitor(int row, int column, int heading, boolean gold) {
        Visitor moved() {
            return new Visitor(row, column + heading, heading, gold);
        }

        boolean onGrid() {
            return column >= 0 && column < SIZE;
        }

        int trailColumn() {
            return column - heading;
        }
    }

    private final boolean difficultyRamping;
    private final Pace pace;
    private final Visitor[] lanes = new Visitor[SIZE];
    private final Countdown spawnClock;
    private final Countdown moveClock;
    private final Countdown rampClock;
    private int ramps;
    private Position player;
    private boolean touchedAnEnemy;

    /** With sticky actions at {@value MinAtarGame#DEFAULT_STICKY_ACTION_PROBABILITY} and difficulty ramping. */
    public Asterix() {
        this(DEFAULT_STICKY_ACTION_PROBABILITY, true);
    }

    public Asterix(double stickyActionProbability, boolean difficultyRamping) {
        this(stickyActionProbability, difficultyRamping, Pace.STANDARD);
    }

    Asterix(double stickyActionProbability, boolean difficultyRamping, Pace pace) {
        super(ID, CHANNELS, stickyActionProbability);
        this.difficultyRamping = difficultyRamping;
        this.pace = requireNonNull(pace, "pace is null");
        this.spawnClock = new Countdown(pace.spawnInterval());
        this.moveClock = new Countdown(pace.moveInterval());
        this.rampClock = new Countdown(pace.rampPeriod());
    }

    @Override
    void startEpisode() {
        Arrays.fill(lanes, null);
        spawnClock.restart(pace.spawnInterval());
        moveClock.restart(pace.moveInterval());
        rampClock.restart(pace.rampPeriod());
        ramps = 0;
        player = new Position(PLAYER_START_ROW, PLAYER_START_COLUMN);
        touchedAnEnemy = false;
    }

    @Override
    int advance(MinAtarAction action) {
        movePlayer(action);
        int reward = meetWhateverSharesThePlayersCell();
        if (!touchedAnEnemy && moveClock.tick()) {
            moveEnemiesAndGold();
            reward += meetWhateverSharesThePlayersCell();
        }
        if (!touchedAnEnemy && spawnClock.tick()) {
            letSomethingEnter();
            reward += meetWhateverSharesThePlayersCell();
        }
        if (difficultyRamping && rampClock.tick()) {
            rampUpTheDifficulty();
        }
        return reward;
    }

    @Override
    boolean isOver() {
        return touchedAnEnemy;
    }

    @Override
    void paint(Planes planes) {
        planes.mark(player, PLAYER);
        for (Visitor visitor : lanes) {
            if (visitor == null) {
                continue;
            }
            planes.mark(visitor.row(), visitor.column(), visitor.gold() ? GOLD : ENEMY);
            if (Position.onGrid(visitor.row(), visitor.trailColumn())) {
                planes.mark(visitor.row(), visitor.trailColumn(), TRAIL);
            }
        }
    }

    private void movePlayer(MinAtarAction action) {
        int row = player.row();
        int column = player.column();
        switch (action) {
            case UP -> row = Math.max(TOP_LANE, row - 1);
            case DOWN -> row = Math.min(BOTTOM_LANE, row + 1);
            case LEFT -> column = Math.max(0, column - 1);
            case RIGHT -> column = Math.min(SIZE - 1, column + 1);
            case NOOP, FIRE -> { }
        }
        player = new Position(row, column);
    }

    /** Gold in the player's cell is picked up (the reward); an enemy there ends the episode. */
    private int meetWhateverSharesThePlayersCell() {
        Visitor visitor = lanes[player.row()];
        if (visitor == null || visitor.column() != player.column()) {
            return 0;
        }
        if (!visitor.gold()) {
            touchedAnEnemy = true;
            return 0;
        }
        lanes[player.row()] = null;
        return 1;
    }

    private void moveEnemiesAndGold() {
        for (int row = TOP_LANE; row <= BOTTOM_LANE; row++) {
            if (lanes[row] != null) {
                Visitor moved = lanes[row].moved();
                lanes[row] = moved.onGrid() ? moved : null;
            }
        }
    }

    private void letSomethingEnter() {
        int emptyLanes = 0;
        for (int row = TOP_LANE; row <= BOTTOM_LANE; row++) {
            emptyLanes += lanes[row] == null ? 1 : 0;
        }
        if (emptyLanes == 0) {
            return;
        }
        int pick = random().nextInt(emptyLanes);
        for (int row = TOP_LANE; row <= BOTTOM_LANE; row++) {
            if (lanes[row] == null && pick-- == 0) {
                boolean fromTheLeft = random().nextBoolean();
                boolean gold = random().nextInt(ONE_IN_GOLD) == 0;
                lanes[row] = new Visitor(row, fromTheLeft ? 0 : SIZE - 1, fromTheLeft ? 1 : -1, gold);
                return;
            }
        }
    }

    private void rampUpTheDifficulty() {
        ramps++;
        spawnClock.changePeriod(Math.max(FASTEST_SPAWN_INTERVAL, spawnClock.period() - 1));
        if (ramps % RAMPS_PER_SPEED_UP == 0) {
            moveClock.changePeriod(Math.max(1, moveClock.period() - 1));
        }
    }

    // Set-ups and read-outs for tests of single rules.

    void placePlayer(Position cell) {
        player = cell;
    }

    /** Puts an enemy or gold at {@code (row, column)} heading {@code heading} (-1 left, 1 right). */
    void placeVisitor(int row, int column, int heading, boolean gold) {
        lanes[row] = new Visitor(row, column, heading, gold);
    }

    int spawnInterval() {
        return spawnClock.period();
    }

    int moveInterval() {
        return moveClock.period();
    }
}
