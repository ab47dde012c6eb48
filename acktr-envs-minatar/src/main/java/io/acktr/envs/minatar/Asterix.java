package io.acktr.envs.minatar;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A port of MinAtar's Asterix ({@code minatar/environments/asterix.py}), registered as
 * {@code MinAtar/Asterix-v0}. The player moves in the four directions within rows 1..8. Each of
 * the eight rows 1..8 holds at most one entity, spawned at the left or right edge (a fair coin)
 * every {@code spawnSpeed} steps; one in three is gold. Entities move one cell every
 * {@code moveSpeed} steps and leave at the far edge. Touching gold pays 1 and removes it; touching
 * an enemy ends the episode. The trail channel marks the cell behind each entity.
 *
 * <p>Difficulty ramping (MinAtar's default): every 102 steps (a countdown from 100 that ramps once
 * it has gone below 0) the spawn interval shrinks by 1 (from 10, down to 1) and on every other ramp
 * the move interval shrinks by 1 (from 5, down to 1).
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

    static final int RAMP_INTERVAL = 100;
    static final int INITIAL_SPAWN_SPEED = 10;
    static final int INITIAL_MOVE_INTERVAL = 5;
    private static final int SLOTS = 8;

    /** Entity fields, as MinAtar's {@code [x, y, lr, is_gold]}. */
    private static final int X = 0;
    private static final int Y = 1;
    private static final int MOVES_RIGHT = 2;
    private static final int IS_GOLD = 3;

    private final boolean ramping;
    /** Slot {@code i} holds the entity of row {@code i + 1}, or null. */
    private final int[][] entities = new int[SLOTS][];
    private int playerX;
    private int playerY;
    private int spawnSpeed;
    private int spawnTimer;
    private int moveSpeed;
    private int moveTimer;
    private int rampTimer;
    private int rampIndex;

    /** MinAtar's defaults: sticky actions with probability 0.1, difficulty ramping on. */
    public Asterix() {
        this(DEFAULT_STICKY_ACTION_PROBABILITY, true);
    }

    /** A game with the given sticky-action probability (0 disables it) and difficulty ramping. */
    public Asterix(double stickyActionProbability, boolean difficultyRamping) {
        super(ID, CHANNELS, stickyActionProbability, new SplittableRandom());
        this.ramping = difficultyRamping;
    }

    @Override
    void resetGame() {
        playerX = 5;
        playerY = 5;
        Arrays.fill(entities, null);
        spawnSpeed = INITIAL_SPAWN_SPEED;
        spawnTimer = spawnSpeed;
        moveSpeed = INITIAL_MOVE_INTERVAL;
        moveTimer = moveSpeed;
        rampTimer = RAMP_INTERVAL;
        rampIndex = 0;
    }

    @Override
    int act(MinAtarAction action) {
        int reward = 0;
        if (spawnTimer == 0) {
            spawnEntity();
            spawnTimer = spawnSpeed;
        }

        switch (action) {
            case LEFT -> playerX = Math.max(0, playerX - 1);
            case RIGHT -> playerX = Math.min(9, playerX + 1);
            case UP -> playerY = Math.max(1, playerY - 1);
            case DOWN -> playerY = Math.min(8, playerY + 1);
            default -> {
            }
        }

        for (int i = 0; i < SLOTS; i++) {
            reward += collide(i);
        }
        if (moveTimer == 0) {
            moveTimer = moveSpeed;
            for (int i = 0; i < SLOTS; i++) {
                int[] entity = entities[i];
                if (entity != null) {
                    entity[X] += entity[MOVES_RIGHT] == 1 ? 1 : -1;
                    if (entity[X] < 0 || entity[X] > 9) {
                        entities[i] = null;
                    }
                    reward += collide(i);
                }
            }
        }

        spawnTimer--;
        moveTimer--;

        if (ramping && (spawnSpeed > 1 || moveSpeed > 1)) {
            if (rampTimer >= 0) {
                rampTimer--;
            } else {
                if (moveSpeed > 1 && rampIndex % 2 == 1) {
                    moveSpeed--;
                }
                if (spawnSpeed > 1) {
                    spawnSpeed--;
                }
                rampIndex++;
                rampTimer = RAMP_INTERVAL;
            }
        }
        return reward;
    }

    /** Resolves contact between the player and the entity in slot {@code i}; returns the reward. */
    private int collide(int i) {
        int[] entity = entities[i];
        if (entity == null || entity[X] != playerX || entity[Y] != playerY) {
            return 0;
        }
        if (entity[IS_GOLD] == 1) {
            entities[i] = null;
            return 1;
        }
        terminate();
        return 0;
    }

    /** MinAtar's {@code _spawn_entity}: both coins are drawn even when every row is taken. */
    private void spawnEntity() {
        boolean movesRight = random().nextDouble() < 0.5;
        boolean gold = random().nextDouble() < 1.0 / 3;
        int[] free = new int[SLOTS];
        int freeCount = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (entities[i] == null) {
                free[freeCount++] = i;
            }
        }
        if (freeCount == 0) {
            return;
        }
        int slot = free[random().nextInt(freeCount)];
        entities[slot] = new int[] {movesRight ? 0 : 9, slot + 1, movesRight ? 1 : 0, gold ? 1 : 0};
    }

    @Override
    void draw(double[] grid) {
        mark(grid, playerY, playerX, PLAYER);
        for (int[] entity : entities) {
            if (entity != null) {
                mark(grid, entity[Y], entity[X], entity[IS_GOLD] == 1 ? GOLD : ENEMY);
                int backX = entity[MOVES_RIGHT] == 1 ? entity[X] - 1 : entity[X] + 1;
                if (backX >= 0 && backX <= 9) {
                    mark(grid, entity[Y], backX, TRAIL);
                }
            }
        }
    }

    /** Test hook: moves the player to {@code (x, y)}. */
    void placePlayer(int x, int y) {
        playerX = x;
        playerY = y;
    }

    /** Test hook: puts an entity in row {@code row} (1..8) at column {@code x}. */
    void placeEntity(int row, int x, boolean movesRight, boolean gold) {
        entities[row - 1] = new int[] {x, row, movesRight ? 1 : 0, gold ? 1 : 0};
    }

    /** Test hook: removes every enemy and every piece of gold. */
    void removeEntities() {
        Arrays.fill(entities, null);
    }

    /** Test hook: sets the spawn and move countdowns. */
    void setTimers(int spawnTimer, int moveTimer) {
        this.spawnTimer = spawnTimer;
        this.moveTimer = moveTimer;
    }

    int spawnSpeed() {
        return spawnSpeed;
    }

    int moveSpeed() {
        return moveSpeed;
    }

    /** How many times the difficulty has ramped up (MinAtar's {@code difficulty_ramp()}). */
    int rampIndex() {
        return rampIndex;
    }

    int entityCount() {
        int count = 0;
        for (int[] entity : entities) {
            count += entity == null ? 0 : 1;
        }
        return count;
    }
}
