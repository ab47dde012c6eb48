package io.acktr.envs.minatar;

import static io.acktr.envs.minatar.EntityLists.firstAt;
import static io.acktr.envs.minatar.EntityLists.removeByValue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A port of MinAtar's Seaquest ({@code minatar/environments/seaquest.py}, the version with the
 * oxygen-bar fix of MinAtar 1.0.11), registered as {@code MinAtar/Seaquest-v0}. The player's
 * submarine (a front and a back cell) moves in rows 0..8 and fires sideways (at most once every 5
 * steps). Enemy fish and submarines enter rows 1..8 from either edge (never against the direction
 * of an enemy already in that row); enemy submarines fire every 10 steps. Shooting an enemy pays 1.
 * Divers drift across and are picked up by touching them, up to 6.
 *
 * <p>Oxygen starts at 200 and drops by 1 on every step spent below the surface (row 0). Coming up
 * to the surface with no diver ends the episode; with 1..5 divers one diver is used up and oxygen
 * is refilled; with 6 the reward is {@code oxygen * 10 / 200} (integer division), oxygen is
 * refilled and the diver count goes to -1 (MinAtar sets it to 0 and then takes one away, so the
 * next surfacing without picking up a diver does not end the episode; ported as is). Each
 * surfacing ramps the difficulty (MinAtar's default): the enemy spawn interval shrinks by 1 (from
 * 20, down to 1) and on every other surfacing the enemies' move interval shrinks by 1 (from 5, down
 * to 2). The episode ends when the player touches an enemy or an enemy bullet, or when a step
 * starts with no oxygen left.
 *
 * <p>Entities live in lists updated in MinAtar's order; MinAtar iterates them backwards while
 * removing by value ({@code list.remove}), which this port reproduces.
 *
 * <p>Channels: 0 sub front, 1 sub back, 2 friendly bullet, 3 trail, 4 enemy bullet, 5 enemy fish,
 * 6 enemy sub, 7 oxygen gauge, 8 diver gauge, 9 diver.
 */
public final class Seaquest extends MinAtarGame {
    public static final String ID = "MinAtar/Seaquest-v0";

    static final int SUB_FRONT = 0;
    static final int SUB_BACK = 1;
    static final int FRIENDLY_BULLET = 2;
    static final int TRAIL = 3;
    static final int ENEMY_BULLET = 4;
    static final int ENEMY_FISH = 5;
    static final int ENEMY_SUB = 6;
    static final int OXYGEN_GAUGE = 7;
    static final int DIVER_GAUGE = 8;
    static final int DIVER = 9;
    static final int CHANNELS = 10;

    static final int MAX_OXYGEN = 200;
    static final int INITIAL_SPAWN_SPEED = 20;
    static final int DIVER_SPAWN_SPEED = 30;
    static final int INITIAL_MOVE_INTERVAL = 5;
    static final int SHOT_COOL_DOWN = 5;
    static final int ENEMY_SHOT_INTERVAL = 10;
    static final int DIVER_MOVE_INTERVAL = 5;
    static final int MAX_DIVERS = 6;

    /** Fields shared by every entity: {@code [x, y, moves right (1) or left (0), ...]}. */
    private static final int X = 0;
    private static final int Y = 1;
    private static final int MOVES_RIGHT = 2;
    /** Steps until a fish, sub or diver next moves. */
    private static final int MOVE_TIMER = 3;
    /** Steps until an enemy sub next fires. */
    private static final int SHOT_TIMER = 4;

    private final boolean ramping;
    private final List<int[]> friendlyBullets = new ArrayList<>();
    private final List<int[]> enemyBullets = new ArrayList<>();
    private final List<int[]> enemyFish = new ArrayList<>();
    private final List<int[]> enemySubs = new ArrayList<>();
    private final List<int[]> divers = new ArrayList<>();
    private int oxygen;
    private int diverCount;
    private int subX;
    private int subY;
    private boolean facingRight;
    private int enemySpawnSpeed;
    private int enemySpawnTimer;
    private int diverSpawnTimer;
    private int moveSpeed;
    private int rampIndex;
    private int shotTimer;
    private boolean surfaced;

    /** MinAtar's defaults: sticky actions with probability 0.1, difficulty ramping on. */
    public Seaquest() {
        this(DEFAULT_STICKY_ACTION_PROBABILITY, true);
    }

    /** A game with the given sticky-action probability (0 disables it) and difficulty ramping. */
    public Seaquest(double stickyActionProbability, boolean difficultyRamping) {
        super(ID, CHANNELS, stickyActionProbability, new SplittableRandom());
        this.ramping = difficultyRamping;
    }

    @Override
    void resetGame() {
        oxygen = MAX_OXYGEN;
        diverCount = 0;
        subX = 5;
        subY = 0;
        facingRight = false;
        friendlyBullets.clear();
        enemyBullets.clear();
        enemyFish.clear();
        enemySubs.clear();
        divers.clear();
        enemySpawnSpeed = INITIAL_SPAWN_SPEED;
        enemySpawnTimer = enemySpawnSpeed;
        diverSpawnTimer = DIVER_SPAWN_SPEED;
        moveSpeed = INITIAL_MOVE_INTERVAL;
        rampIndex = 0;
        shotTimer = 0;
        surfaced = true;
    }

    @Override
    int act(MinAtarAction action) {
        int reward = 0;
        if (enemySpawnTimer == 0) {
            spawnEnemy();
            enemySpawnTimer = enemySpawnSpeed;
        }
        if (diverSpawnTimer == 0) {
            spawnDiver();
            diverSpawnTimer = DIVER_SPAWN_SPEED;
        }

        if (action == MinAtarAction.FIRE && shotTimer == 0) {
            friendlyBullets.add(new int[] {subX, subY, facingRight ? 1 : 0});
            shotTimer = SHOT_COOL_DOWN;
        } else if (action == MinAtarAction.LEFT) {
            subX = Math.max(0, subX - 1);
            facingRight = false;
        } else if (action == MinAtarAction.RIGHT) {
            subX = Math.min(9, subX + 1);
            facingRight = true;
        } else if (action == MinAtarAction.UP) {
            subY = Math.max(0, subY - 1);
        } else if (action == MinAtarAction.DOWN) {
            subY = Math.min(8, subY + 1);
        }

        reward += moveFriendlyBullets();
        moveDivers();
        reward += moveEnemies(enemySubs, true);
        moveEnemyBullets();
        reward += moveEnemies(enemyFish, false);

        if (enemySpawnTimer > 0) {
            enemySpawnTimer--;
        }
        if (diverSpawnTimer > 0) {
            diverSpawnTimer--;
        }
        if (shotTimer > 0) {
            shotTimer--;
        }
        if (oxygen <= 0) {
            terminate();
        }
        if (subY > 0) {
            oxygen--;
            surfaced = false;
        } else if (!surfaced) {
            if (diverCount == 0) {
                terminate();
            } else {
                reward += surface();
            }
        }
        return reward;
    }

    private int moveFriendlyBullets() {
        int reward = 0;
        for (int i = friendlyBullets.size() - 1; i >= 0 && i < friendlyBullets.size(); i--) {
            int[] bullet = friendlyBullets.get(i);
            bullet[X] += bullet[MOVES_RIGHT] == 1 ? 1 : -1;
            if (bullet[X] < 0 || bullet[X] > 9) {
                removeByValue(friendlyBullets, bullet);
                continue;
            }
            int[] fish = firstAt(enemyFish, bullet[X], bullet[Y]);
            if (fish != null) {
                removeByValue(enemyFish, fish);
                removeByValue(friendlyBullets, bullet);
                reward++;
                continue;
            }
            int[] sub = firstAt(enemySubs, bullet[X], bullet[Y]);
            if (sub != null) {
                removeByValue(enemySubs, sub);
                removeByValue(friendlyBullets, bullet);
                reward++;
            }
        }
        return reward;
    }

    private void moveDivers() {
        for (int i = divers.size() - 1; i >= 0 && i < divers.size(); i--) {
            int[] diver = divers.get(i);
            if (atSub(diver) && diverCount < MAX_DIVERS) {
                removeByValue(divers, diver);
                diverCount++;
            } else if (diver[MOVE_TIMER] == 0) {
                diver[MOVE_TIMER] = DIVER_MOVE_INTERVAL;
                diver[X] += diver[MOVES_RIGHT] == 1 ? 1 : -1;
                if (diver[X] < 0 || diver[X] > 9) {
                    removeByValue(divers, diver);
                } else if (atSub(diver) && diverCount < MAX_DIVERS) {
                    removeByValue(divers, diver);
                    diverCount++;
                }
            } else {
                diver[MOVE_TIMER]--;
            }
        }
    }

    /**
     * Moves the enemy subs ({@code shoot}) or fish: contact with the player ends the episode, and a
     * friendly bullet in the cell an enemy moves into destroys both and pays 1. As in MinAtar, a sub
     * fires on schedule even in the step it was removed.
     */
    private int moveEnemies(List<int[]> enemies, boolean shoot) {
        int reward = 0;
        for (int i = enemies.size() - 1; i >= 0 && i < enemies.size(); i--) {
            int[] enemy = enemies.get(i);
            if (atSub(enemy)) {
                terminate();
            }
            if (enemy[MOVE_TIMER] == 0) {
                enemy[MOVE_TIMER] = moveSpeed;
                enemy[X] += enemy[MOVES_RIGHT] == 1 ? 1 : -1;
                if (enemy[X] < 0 || enemy[X] > 9) {
                    removeByValue(enemies, enemy);
                } else if (atSub(enemy)) {
                    terminate();
                } else {
                    int[] bullet = firstAt(friendlyBullets, enemy[X], enemy[Y]);
                    if (bullet != null) {
                        removeByValue(enemies, enemy);
                        removeByValue(friendlyBullets, bullet);
                        reward++;
                    }
                }
            } else {
                enemy[MOVE_TIMER]--;
            }
            if (shoot) {
                if (enemy[SHOT_TIMER] == 0) {
                    enemy[SHOT_TIMER] = ENEMY_SHOT_INTERVAL;
                    enemyBullets.add(new int[] {enemy[X], enemy[Y], enemy[MOVES_RIGHT]});
                } else {
                    enemy[SHOT_TIMER]--;
                }
            }
        }
        return reward;
    }

    private void moveEnemyBullets() {
        for (int i = enemyBullets.size() - 1; i >= 0 && i < enemyBullets.size(); i--) {
            int[] bullet = enemyBullets.get(i);
            if (atSub(bullet)) {
                terminate();
            }
            bullet[X] += bullet[MOVES_RIGHT] == 1 ? 1 : -1;
            if (bullet[X] < 0 || bullet[X] > 9) {
                removeByValue(enemyBullets, bullet);
            } else if (atSub(bullet)) {
                terminate();
            }
        }
    }

    /** MinAtar's {@code _surface}: spends divers, refills oxygen, ramps difficulty; returns the reward. */
    private int surface() {
        surfaced = true;
        int reward = 0;
        if (diverCount == MAX_DIVERS) {
            diverCount = 0;
            reward = oxygen * 10 / MAX_OXYGEN;
        }
        oxygen = MAX_OXYGEN;
        diverCount--;
        if (ramping && (enemySpawnSpeed > 1 || moveSpeed > 2)) {
            if (moveSpeed > 2 && rampIndex % 2 == 1) {
                moveSpeed--;
            }
            if (enemySpawnSpeed > 1) {
                enemySpawnSpeed--;
            }
            rampIndex++;
        }
        return reward;
    }

    /** MinAtar's {@code _spawn_enemy}: skipped when an enemy already heads the other way in that row. */
    private void spawnEnemy() {
        boolean movesRight = random().nextDouble() < 0.5;
        boolean sub = random().nextDouble() < 1.0 / 3;
        int x = movesRight ? 0 : 9;
        int y = random().nextInt(1, 9);
        int direction = movesRight ? 1 : 0;
        for (List<int[]> enemies : List.of(enemySubs, enemyFish)) {
            for (int[] enemy : enemies) {
                if (enemy[Y] == y && enemy[MOVES_RIGHT] != direction) {
                    return;
                }
            }
        }
        if (sub) {
            enemySubs.add(new int[] {x, y, direction, moveSpeed, ENEMY_SHOT_INTERVAL});
        } else {
            enemyFish.add(new int[] {x, y, direction, moveSpeed});
        }
    }

    private void spawnDiver() {
        boolean movesRight = random().nextDouble() < 0.5;
        int x = movesRight ? 0 : 9;
        int y = random().nextInt(1, 9);
        divers.add(new int[] {x, y, movesRight ? 1 : 0, DIVER_MOVE_INTERVAL});
    }

    @Override
    void draw(double[] grid) {
        mark(grid, subY, subX, SUB_FRONT);
        // Unreachable outside test hooks: the sub faces right only after moving right (so x >= 1)
        // and left only from x <= 8. MinAtar would index column -1 as column 9.
        int backX = facingRight ? subX - 1 : subX + 1;
        mark(grid, subY, Math.floorMod(backX, SIZE), SUB_BACK);
        for (int column = 0; column < Math.max(0, oxygen) * 10 / MAX_OXYGEN; column++) {
            mark(grid, 9, column, OXYGEN_GAUGE);
        }
        for (int column = Math.max(0, 9 - diverCount); column < 9; column++) {
            mark(grid, 9, column, DIVER_GAUGE);
        }
        for (int[] bullet : friendlyBullets) {
            mark(grid, bullet[Y], bullet[X], FRIENDLY_BULLET);
        }
        for (int[] bullet : enemyBullets) {
            mark(grid, bullet[Y], bullet[X], ENEMY_BULLET);
        }
        drawWithTrail(grid, enemyFish, ENEMY_FISH);
        drawWithTrail(grid, enemySubs, ENEMY_SUB);
        drawWithTrail(grid, divers, DIVER);
    }

    private void drawWithTrail(double[] grid, List<int[]> entities, int channel) {
        for (int[] entity : entities) {
            mark(grid, entity[Y], entity[X], channel);
            int backX = entity[MOVES_RIGHT] == 1 ? entity[X] - 1 : entity[X] + 1;
            if (backX >= 0 && backX <= 9) {
                mark(grid, entity[Y], backX, TRAIL);
            }
        }
    }

    private boolean atSub(int[] entity) {
        return entity[X] == subX && entity[Y] == subY;
    }

    /** Test hook: moves the submarine to {@code (x, y)} facing right or left. */
    void placeSub(int x, int y, boolean facingRight) {
        subX = x;
        subY = y;
        this.facingRight = facingRight;
        surfaced = y == 0;
    }

    /** Test hook: puts an enemy fish at {@code (x, y)} that moves in {@code moveTimer} steps. */
    void placeFish(int x, int y, boolean movesRight, int moveTimer) {
        enemyFish.add(new int[] {x, y, movesRight ? 1 : 0, moveTimer});
    }

    /** Test hook: puts an enemy sub at {@code (x, y)} that moves and fires in the given numbers of steps. */
    void placeEnemySub(int x, int y, boolean movesRight, int moveTimer, int shotTimer) {
        enemySubs.add(new int[] {x, y, movesRight ? 1 : 0, moveTimer, shotTimer});
    }

    /** Test hook: puts a diver at {@code (x, y)} that moves in {@code moveTimer} steps. */
    void placeDiver(int x, int y, boolean movesRight, int moveTimer) {
        divers.add(new int[] {x, y, movesRight ? 1 : 0, moveTimer});
    }

    /** Test hook: sets oxygen and the number of divers on board. */
    void setSupplies(int oxygen, int diverCount) {
        this.oxygen = oxygen;
        this.diverCount = diverCount;
    }

    /** Test hook: sets the enemy and diver spawn countdowns and the cannon's cool-down. */
    void setTimers(int enemySpawnTimer, int diverSpawnTimer, int shotTimer) {
        this.enemySpawnTimer = enemySpawnTimer;
        this.diverSpawnTimer = diverSpawnTimer;
        this.shotTimer = shotTimer;
    }

    int oxygen() {
        return oxygen;
    }

    int diverCount() {
        return diverCount;
    }

    int enemySpawnSpeed() {
        return enemySpawnSpeed;
    }

    int moveSpeed() {
        return moveSpeed;
    }

    /** How many times the difficulty has ramped up (MinAtar's {@code difficulty_ramp()}). */
    int rampIndex() {
        return rampIndex;
    }

    int enemyCount() {
        return enemyFish.size() + enemySubs.size();
    }

    int diversInWater() {
        return divers.size();
    }
}
