package io.acktr.envs.minatar;

import java.util.SplittableRandom;

/**
 * A port of MinAtar's Freeway ({@code minatar/environments/freeway.py}), registered as
 * {@code MinAtar/Freeway-v0}. The chicken stays in column 4 and starts in the bottom row; it may
 * step up or down only once every 3 steps. Reaching row 0 pays 1, sends the chicken back to row 9
 * and gives every car a new random speed and direction. One car drives in each of rows 1..8,
 * moving one cell every 1..5 steps and wrapping around the edges; a car that meets the chicken
 * sends it back to row 9. The episode terminates inside the game: a countdown starts at 2500 and
 * the step that takes it below 0 (the 2501st) is terminal. The game has no difficulty ramp; only
 * {@link MinAtarAction#UP} and {@link MinAtarAction#DOWN} do anything.
 *
 * <p>Channels: 0 chicken, 1 car, 2..6 the trail behind a car moving once every 1..5 steps (the
 * side of the trail gives the car's direction).
 */
public final class Freeway extends MinAtarGame {
    public static final String ID = "MinAtar/Freeway-v0";

    static final int CHICKEN = 0;
    static final int CAR = 1;
    /** Channel of the trail of a car of speed {@code s} (1..5) is {@code SPEED_1 + s - 1}. */
    static final int SPEED_1 = 2;
    static final int CHANNELS = 7;

    static final int PLAYER_SPEED = 3;
    static final int TIME_LIMIT = 2500;
    static final int CHICKEN_COLUMN = 4;
    private static final int CARS = 8;

    /** Car fields, as MinAtar's {@code [x, y, timer, speed]}; the sign of speed is the direction. */
    private static final int X = 0;
    private static final int Y = 1;
    private static final int TIMER = 2;
    private static final int SPEED = 3;

    private final int[][] cars = new int[CARS][4];
    private int chicken;
    private int moveTimer;
    private int terminateTimer;

    /** MinAtar's defaults: sticky actions with probability 0.1; unseeded until {@link #reset(long)}. */
    public Freeway() {
        this(DEFAULT_STICKY_ACTION_PROBABILITY);
    }

    /** A game whose sticky-action probability is {@code stickyActionProbability} (0 disables it). */
    public Freeway(double stickyActionProbability) {
        super(ID, CHANNELS, stickyActionProbability, new SplittableRandom());
    }

    @Override
    void resetGame() {
        randomizeCars(true);
        chicken = 9;
        moveTimer = PLAYER_SPEED;
        terminateTimer = TIME_LIMIT;
    }

    @Override
    int act(MinAtarAction action) {
        int reward = 0;
        if (action == MinAtarAction.UP && moveTimer == 0) {
            moveTimer = PLAYER_SPEED;
            chicken = Math.max(0, chicken - 1);
        } else if (action == MinAtarAction.DOWN && moveTimer == 0) {
            moveTimer = PLAYER_SPEED;
            chicken = Math.min(9, chicken + 1);
        }

        if (chicken == 0) {
            reward += 1;
            randomizeCars(false);
            chicken = 9;
        }

        for (int[] car : cars) {
            if (car[X] == CHICKEN_COLUMN && car[Y] == chicken) {
                chicken = 9;
            }
            if (car[TIMER] == 0) {
                car[TIMER] = Math.abs(car[SPEED]);
                car[X] += car[SPEED] > 0 ? 1 : -1;
                if (car[X] < 0) {
                    car[X] = 9;
                } else if (car[X] > 9) {
                    car[X] = 0;
                }
                if (car[X] == CHICKEN_COLUMN && car[Y] == chicken) {
                    chicken = 9;
                }
            } else {
                car[TIMER]--;
            }
        }

        if (moveTimer > 0) {
            moveTimer--;
        }
        terminateTimer--;
        if (terminateTimer < 0) {
            terminate();
        }
        return reward;
    }

    /** MinAtar's {@code _randomize_cars}: eight speeds in 1..5, then eight directions. */
    private void randomizeCars(boolean initialize) {
        int[] speeds = new int[CARS];
        for (int i = 0; i < CARS; i++) {
            speeds[i] = random().nextInt(1, 6);
        }
        for (int i = 0; i < CARS; i++) {
            speeds[i] *= random().nextInt(2) == 0 ? -1 : 1;
        }
        for (int i = 0; i < CARS; i++) {
            if (initialize) {
                cars[i][X] = 0;
                cars[i][Y] = i + 1;
            }
            cars[i][TIMER] = Math.abs(speeds[i]);
            cars[i][SPEED] = speeds[i];
        }
    }

    @Override
    void draw(double[] grid) {
        mark(grid, chicken, CHICKEN_COLUMN, CHICKEN);
        for (int[] car : cars) {
            mark(grid, car[Y], car[X], CAR);
            int backX = car[SPEED] > 0 ? car[X] - 1 : car[X] + 1;
            if (backX < 0) {
                backX = 9;
            } else if (backX > 9) {
                backX = 0;
            }
            mark(grid, car[Y], backX, SPEED_1 + Math.abs(car[SPEED]) - 1);
        }
    }

    /** Test hook: moves the chicken to row {@code row}. */
    void placeChicken(int row) {
        chicken = row;
    }

    /** Test hook: sets the countdown until the chicken may move again. */
    void setMoveTimer(int steps) {
        moveTimer = steps;
    }

    /** Test hook: sets the countdown to the end of the episode. */
    void setTerminateTimer(int steps) {
        terminateTimer = steps;
    }

    /**
     * Test hook: puts the car of row {@code row} (1..8) at column {@code x} with signed
     * {@code speed} (+-1..5) and {@code timer} steps until it next moves.
     */
    void placeCar(int row, int x, int speed, int timer) {
        int[] car = cars[row - 1];
        car[X] = x;
        car[TIMER] = timer;
        car[SPEED] = speed;
    }

    int chicken() {
        return chicken;
    }

    /** Signed speed of the car of row {@code row}. */
    int carSpeed(int row) {
        return cars[row - 1][SPEED];
    }
}
