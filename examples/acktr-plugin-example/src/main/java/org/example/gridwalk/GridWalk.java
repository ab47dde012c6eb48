package org.example.gridwalk;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.Environment;
import io.acktr.api.env.Space;
import io.acktr.api.env.StepResult;
import java.util.SplittableRandom;

/**
 * {@code GridWalk-v0}: walk along a line of {@value #CELLS} cells to the goal in the last cell.
 *
 * <ul>
 *   <li>Actions: {@code Discrete(2)}, 0 steps left (a wall stops it at cell 0), 1 steps right.</li>
 *   <li>Observation: {@code Box(0, 1, [1])}, the position as a fraction of the line.</li>
 *   <li>Reward: {@value #GOAL_REWARD} for the step onto the goal, which terminates the episode;
 *       {@value #STEP_REWARD} for every other step.</li>
 *   <li>Start: a cell drawn uniformly from the left half. The episode is truncated after
 *       {@value #MAX_EPISODE_STEPS} steps.</li>
 * </ul>
 */
public final class GridWalk implements Environment {
    public static final String ID = "GridWalk-v0";
    public static final int CELLS = 10;
    public static final int MAX_EPISODE_STEPS = 50;
    public static final double STEP_REWARD = -0.1;
    public static final double GOAL_REWARD = 1.0;

    private static final int GOAL = CELLS - 1;
    private static final DiscreteSpace ACTION_SPACE = new DiscreteSpace(2);
    private static final BoxSpace OBSERVATION_SPACE = BoxSpace.uniform(0.0, 1.0, 1);

    private SplittableRandom random = new SplittableRandom();
    private int position = -1;
    private int elapsedSteps;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Space observationSpace() {
        return OBSERVATION_SPACE;
    }

    @Override
    public Space actionSpace() {
        return ACTION_SPACE;
    }

    @Override
    public double[] reset(long seed) {
        random = new SplittableRandom(seed);
        return reset();
    }

    @Override
    public double[] reset() {
        position = random.nextInt(CELLS / 2);
        elapsedSteps = 0;
        return observation();
    }

    @Override
    public StepResult step(double[] action) {
        int move = ACTION_SPACE.index(action, ID) == 1 ? 1 : -1;
        if (position < 0) {
            throw new IllegalStateException(ID + ": step() called before reset(); call reset() first");
        }
        position = Math.max(0, Math.min(GOAL, position + move));
        elapsedSteps++;
        boolean terminated = position == GOAL;
        boolean truncated = elapsedSteps >= MAX_EPISODE_STEPS;
        return new StepResult(observation(), terminated ? GOAL_REWARD : STEP_REWARD, terminated, truncated);
    }

    /** The current cell, {@code 0 .. CELLS-1}. */
    public int position() {
        return position;
    }

    private double[] observation() {
        return new double[] {(double) position / GOAL};
    }
}
