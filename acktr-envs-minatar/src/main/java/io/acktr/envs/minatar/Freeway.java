package io.acktr.envs.minatar;

/**
 * Freeway on a 10 x 10 grid, {@code MinAtar/Freeway-v0}, with the rules Young and Tian 2019
 * describe: a chicken starts at the bottom and can only go up or down, and at most once every
 * {@value #STEPS_PER_CHICKEN_MOVE} steps; reaching the top pays 1 and puts it back at the bottom;
 * cars drive sideways and reappear on the other side when they pass an edge; a car that hits the
 * chicken sends it back to the bottom; each car moves once every 1 to 5 steps, and the channel of the
 * trail behind it tells how often (the side of the trail tells the direction); every time the chicken
 * reaches the top the cars get new speeds; the episode ends after {@value #EPISODE_STEPS} steps.
 *
 * <p>Details the description leaves open, and how this game settles them (our choices):
 * <ul>
 *   <li>The chicken runs up column {@value #CHICKEN_COLUMN}, from row 9 to row 0. One car drives in
 *       each of rows 1 to 8.</li>
 *   <li>At the start of an episode each car gets a random column; at the start and at every crossing
 *       each car gets a random direction and a random pace, moving once every 1 to
 *       {@value #SLOWEST_CAR} steps (uniform), its clock starting afresh.</li>
 *   <li>In a step the chicken moves first (a crossing scores at once), then the cars; the chicken is
 *       hit when it shares a cell with a car once the cars have moved, so a chicken that steps into a
 *       car's cell is hit unless that car drives on in the same step.</li>
 *   <li>The step that completes {@value #EPISODE_STEPS} steps ends the episode ({@code terminated},
 *       as the time is a rule of the game).</li>
 * </ul>
 * The game has no difficulty ramp. Only {@link MinAtarAction#UP} and {@link MinAtarAction#DOWN} do
 * anything.
 *
 * <p>Channels: 0 chicken, 1 car, and 2 to 6 the trail behind a car that moves once every 1 to 5
 * steps.
 */
public final class Freeway extends MinAtarGame {
    public static final String ID = "MinAtar/Freeway-v0";

    static final int CHICKEN = 0;
    static final int CAR = 1;
    /** The trail channel of the fastest cars (moving every step); a car moving every k steps uses {@code FASTEST_TRAIL + k - 1}. */
    static final int FASTEST_TRAIL = 2;
    static final int CHANNELS = 7;

    static final int CHICKEN_COLUMN = 4;
    static final int START_ROW = SIZE - 1;
    static final int GOAL_ROW = 0;
    static final int STEPS_PER_CHICKEN_MOVE = 3;
    static final int EPISODE_STEPS = 2500;
    static final int SLOWEST_CAR = 5;

    /** The car of one lane: one cell in direction {@code heading} every time its clock rings. */
    private static final class Car {
        final int row;
        int column;
        int heading;
        final Countdown clock = new Countdown(1);

        Car(int row) {
            this.row = row;
        }

        void drive() {
            if (clock.tick()) {
                column = Math.floorMod(column + heading, SIZE);
            }
        }

        int trailColumn() {
            return Math.floorMod(column - heading, SIZE);
        }
    }

    private final Car[] cars = new Car[SIZE - 2];
    private int chickenRow;
    private int chickenRestSteps;
    private int stepsPlayed;

    /** With sticky actions at {@value MinAtarGame#DEFAULT_STICKY_ACTION_PROBABILITY}. */
    public Freeway() {
        this(DEFAULT_STICKY_ACTION_PROBABILITY);
    }

    public Freeway(double stickyActionProbability) {
        super(ID, CHANNELS, stickyActionProbability);
        for (int lane = 0; lane < cars.length; lane++) {
            cars[lane] = new Car(lane + 1);
        }
    }

    @Override
    void startEpisode() {
        for (Car car : cars) {
            car.column = random().nextInt(SIZE);
        }
        changeTheTraffic();
        chickenRow = START_ROW;
        chickenRestSteps = 0;
        stepsPlayed = 0;
    }

    @Override
    int advance(MinAtarAction action) {
        stepsPlayed++;
        int reward = moveTheChicken(action);
        for (Car car : cars) {
            car.drive();
        }
        sendTheChickenBackIfHit();
        return reward;
    }

    @Override
    boolean isOver() {
        return stepsPlayed >= EPISODE_STEPS;
    }

    @Override
    void paint(Planes planes) {
        planes.mark(chickenRow, CHICKEN_COLUMN, CHICKEN);
        for (Car car : cars) {
            planes.mark(car.row, car.column, CAR);
            planes.mark(car.row, car.trailColumn(), FASTEST_TRAIL + car.clock.period() - 1);
        }
    }

    /** Up or down when the chicken has rested long enough; 1 when that reaches the top. */
    private int moveTheChicken(MinAtarAction action) {
        boolean rested = chickenRestSteps == 0;
        if (rested && action == MinAtarAction.UP) {
            chickenRow--;
            chickenRestSteps = STEPS_PER_CHICKEN_MOVE;
        } else if (rested && action == MinAtarAction.DOWN && chickenRow < START_ROW) {
            chickenRow++;
            chickenRestSteps = STEPS_PER_CHICKEN_MOVE;
        }
        if (chickenRestSteps > 0) {
            chickenRestSteps--;
        }
        if (chickenRow == GOAL_ROW) {
            chickenRow = START_ROW;
            changeTheTraffic();
            return 1;
        }
        return 0;
    }

    private void sendTheChickenBackIfHit() {
        for (Car car : cars) {
            if (car.row == chickenRow && car.column == CHICKEN_COLUMN) {
                chickenRow = START_ROW;
                return;
            }
        }
    }

    /** A new random direction and pace for every car. */
    private void changeTheTraffic() {
        for (Car car : cars) {
            car.heading = random().nextBoolean() ? 1 : -1;
            car.clock.restart(1 + random().nextInt(SLOWEST_CAR));
        }
    }

    // Set-ups and read-outs for tests of single rules.

    int chickenRow() {
        return chickenRow;
    }

    void placeChicken(int row) {
        chickenRow = row;
    }

    /** Puts the car of lane {@code row} at {@code column}, heading {@code heading}, moving every {@code pace} steps. */
    void placeCar(int row, int column, int heading, int pace) {
        Car car = cars[row - 1];
        car.column = column;
        car.heading = heading;
        car.clock.restart(pace);
    }

    /** How often the car of lane {@code row} moves, in steps, and which way: {@code pace * heading}. */
    int carVelocity(int row) {
        return cars[row - 1].clock.period() * cars[row - 1].heading;
    }
}
