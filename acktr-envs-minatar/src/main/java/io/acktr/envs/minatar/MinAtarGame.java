package io.acktr.envs.minatar;

import static java.util.Objects.requireNonNull;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.Environment;
import io.acktr.api.env.RgbFrame;
import io.acktr.api.env.Space;
import io.acktr.api.env.StepResult;
import java.util.SplittableRandom;

/**
 * What the five MinAtar games share, as MinAtar's {@code minatar/environment.py} wraps every game:
 * a 10 x 10 grid of {@code channels} binary planes, the full set of six actions (the gym ids
 * {@code MinAtar/<Game>-v0}), sticky actions and one random generator that both the sticky-action
 * draw and the game's own spawns use.
 *
 * <pre>{@code
 * double[] obs = game.reset(seed);            // reseeds, then starts an episode
 * StepResult r = game.step(action);           // sticky draw, then the game's act()
 * // r.observation()[(row * 10 + column) * channels + channel] is 0 or 1
 * }</pre>
 *
 * <p>Each step first draws {@code u} from the generator; when {@code u < stickyActionProbability}
 * the previous executed action is repeated instead of the requested one, exactly as MinAtar's
 * {@code Environment.act} does. The previous action starts as {@link MinAtarAction#NOOP} when the
 * game is created and at every {@link #reset(long)}, and carries over a plain {@link #reset()} as
 * it does in MinAtar. Rewards and termination are the game's; no time limit is added (MinAtar
 * registers its gym ids without {@code max_episode_steps}). Stepping before the first reset or after
 * termination throws {@link IllegalStateException}, where MinAtar silently returns {@code (0, True)}.
 */
public abstract class MinAtarGame implements Environment {
    /** Rows and columns of the grid. */
    public static final int SIZE = 10;
    /** MinAtar's default {@code sticky_action_prob}. */
    public static final double DEFAULT_STICKY_ACTION_PROBABILITY = 0.1;
    /** Edge of one grid cell in a {@link #render()}ed frame, in pixels. */
    public static final int CELL_PIXELS = 10;

    private static final DiscreteSpace ACTION_SPACE = new DiscreteSpace(MinAtarAction.values().length);

    private final String id;
    private final int channels;
    private final BoxSpace observationSpace;
    private final double stickyActionProbability;
    private final int[] palette;
    private SplittableRandom random;
    private MinAtarAction lastAction = MinAtarAction.NOOP;
    private boolean started;
    private boolean terminated;

    MinAtarGame(String id, int channels, double stickyActionProbability, SplittableRandom random) {
        this.id = requireNonNull(id, "id is null");
        if (!(stickyActionProbability >= 0 && stickyActionProbability <= 1)) {
            throw new IllegalArgumentException(id + ": stickyActionProbability must be in [0, 1], got "
                    + stickyActionProbability);
        }
        this.channels = channels;
        this.observationSpace = BoxSpace.uniform(0, 1, SIZE, SIZE, channels);
        this.stickyActionProbability = stickyActionProbability;
        this.palette = MinAtarPalette.colours(channels);
        this.random = requireNonNull(random, "random is null");
    }

    @Override
    public final String id() {
        return id;
    }

    /** {@code Box(0, 1, [10, 10, channels])}, flattened row-major as {@code [row][column][channel]}. */
    @Override
    public final Space observationSpace() {
        return observationSpace;
    }

    /** {@code Discrete(6)}: the indices of {@link MinAtarAction}. */
    @Override
    public final Space actionSpace() {
        return ACTION_SPACE;
    }

    /** Number of binary planes in an observation. */
    public final int channels() {
        return channels;
    }

    public final double stickyActionProbability() {
        return stickyActionProbability;
    }

    /** Reseeds the generator, forgets the previous action and starts a new episode. */
    @Override
    public final double[] reset(long seed) {
        random = new SplittableRandom(seed);
        lastAction = MinAtarAction.NOOP;
        return reset();
    }

    @Override
    public final double[] reset() {
        terminated = false;
        started = true;
        resetGame();
        return observation();
    }

    @Override
    public final StepResult step(double[] action) {
        MinAtarAction requested = MinAtarAction.of(ACTION_SPACE.index(action, id));
        if (!started) {
            throw new IllegalStateException(id + ": step() called before reset(); call reset() first");
        }
        if (terminated) {
            throw new IllegalStateException(id + ": step() called after the episode terminated; call reset()");
        }
        MinAtarAction executed = random.nextDouble() < stickyActionProbability ? lastAction : requested;
        lastAction = executed;
        int reward = act(executed);
        return new StepResult(observation(), reward, terminated, false);
    }

    /** The current grid, {@code 10 * 10 * channels} values of 0 or 1 (MinAtar's {@code state()}). */
    public final double[] observation() {
        double[] grid = new double[SIZE * SIZE * channels];
        draw(grid);
        return grid;
    }

    /**
     * The grid as a {@code 100 x 100} image, {@value #CELL_PIXELS} pixels per cell. As in MinAtar's
     * {@code rgb_array} render, a cell takes the palette colour of its highest-numbered active channel
     * and is black when no channel is active.
     */
    @Override
    public final RgbFrame render() {
        double[] grid = observation();
        RgbFrame frame = RgbFrame.blank(SIZE * CELL_PIXELS, SIZE * CELL_PIXELS);
        for (int row = 0; row < SIZE; row++) {
            for (int column = 0; column < SIZE; column++) {
                int top = -1;
                for (int channel = 0; channel < channels; channel++) {
                    if (grid[(row * SIZE + column) * channels + channel] != 0) {
                        top = channel;
                    }
                }
                if (top >= 0) {
                    fillCell(frame, row, column, palette[top]);
                }
            }
        }
        return frame;
    }

    /** The {@code 0xRRGGBB} colour {@link #render()} gives a cell whose highest active channel is {@code channel}. */
    public final int colour(int channel) {
        return palette[channel];
    }

    @Override
    public String toString() {
        return id;
    }

    /** Puts the game in the start state of an episode, drawing from {@link #random()} as MinAtar does. */
    abstract void resetGame();

    /** One step of the game with the action actually executed; returns the reward. */
    abstract int act(MinAtarAction action);

    /** Sets the 1s of the current state in {@code grid}, which arrives all 0. */
    abstract void draw(double[] grid);

    /** The generator the game draws from; replaced by every {@link #reset(long)}. */
    final SplittableRandom random() {
        return random;
    }

    /** Ends the episode at the end of the current step (MinAtar's {@code self.terminal = True}). */
    final void terminate() {
        terminated = true;
    }

    final boolean terminated() {
        return terminated;
    }

    /** Marks {@code channel} of cell {@code (row, column)} in an observation grid. */
    final void mark(double[] grid, int row, int column, int channel) {
        grid[(row * SIZE + column) * channels + channel] = 1;
    }

    private static void fillCell(RgbFrame frame, int row, int column, int rgb) {
        for (int y = row * CELL_PIXELS; y < (row + 1) * CELL_PIXELS; y++) {
            for (int x = column * CELL_PIXELS; x < (column + 1) * CELL_PIXELS; x++) {
                frame.set(x, y, rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
            }
        }
    }
}
