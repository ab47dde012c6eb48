package io.acktr.envs.minatar;

import static java.util.Objects.requireNonNull;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.RgbFrame;
import io.acktr.api.env.Space;
import io.acktr.api.env.StepResult;
import io.acktr.api.env.RestorableEnvironment;
import io.acktr.api.state.ResumableRandom;
import io.acktr.api.state.SavedState;
import java.util.Arrays;

/**
 * What the five games share: a {@value #SIZE} x {@value #SIZE} grid seen as {@code channels} binary
 * planes, the six actions of {@link MinAtarAction}, sticky actions and seeding. The testbed and the
 * evaluation protocol (all six actions always available, sticky actions with probability 0.1) are
 * those described by Young and Tian 2019, "MinAtar: An Atari-Inspired Testbed for Thorough and
 * Reproducible Reinforcement Learning Experiments" (arXiv 1903.03176).
 *
 * <pre>{@code
 * double[] obs = game.reset(seed);            // a new episode from a seed
 * StepResult r = game.step(action);           // maybe the previous action instead, then one game step
 * // r.observation()[(row * 10 + column) * channels + channel] is 0 or 1
 * }</pre>
 *
 * <p>Sticky actions: on every step, with probability {@link #stickyActionProbability()}, the game
 * executes the action it executed on the previous step instead of the one asked for. The previous
 * action is {@link MinAtarAction#NOOP} at the start of every episode.
 *
 * <p>Randomness: a seed is split into two independent streams, one for the sticky-action draws and
 * one for the game itself (spawns, directions), so the sticky-action probability never changes which
 * random numbers the game sees. {@link #reset(long)} reseeds both; {@link #reset()} continues them.
 *
 * <p>Episodes end only by the game's own rules ({@link StepResult#terminated()}); no time limit is
 * added. Stepping before the first reset or after the episode ended throws
 * {@link IllegalStateException}.
 */
public abstract class MinAtarGame implements RestorableEnvironment {
    /** Rows and columns of the grid. */
    public static final int SIZE = 10;
    /** The sticky-action probability of the evaluation protocol in Young and Tian 2019. */
    public static final double DEFAULT_STICKY_ACTION_PROBABILITY = 0.1;
    /** Edge of one grid cell in a {@link #render()}ed frame, in pixels. */
    public static final int CELL_PIXELS = 10;

    private static final DiscreteSpace ACTION_SPACE = new DiscreteSpace(MinAtarAction.values().length);

    private enum Phase { NOT_STARTED, PLAYING, OVER }

    private final String id;
    private final int channels;
    private final BoxSpace observationSpace;
    private final double stickyActionProbability;
    private final int[] palette;
    private ResumableRandom stickiness;
    private ResumableRandom random;
    /** Both streams' states when the current episode started, and the actions asked for since: the episode, replayable. */
    private long[] episodeStickiness;
    private long[] episodeRandom;
    private long[] episodeActions = new long[64];
    private int episodeSteps;
    private MinAtarAction previousAction = MinAtarAction.NOOP;
    private Phase phase = Phase.NOT_STARTED;

    MinAtarGame(String id, int channels, double stickyActionProbability) {
        this.id = requireNonNull(id, "id is null");
        if (!(stickyActionProbability >= 0 && stickyActionProbability <= 1)) {
            throw new IllegalArgumentException(id + ": stickyActionProbability = " + stickyActionProbability
                    + ": must be in [0, 1]");
        }
        this.channels = channels;
        this.observationSpace = BoxSpace.uniform(0, 1, SIZE, SIZE, channels);
        this.stickyActionProbability = stickyActionProbability;
        this.palette = MinAtarPalette.colours(channels);
        seed(new ResumableRandom(System.nanoTime() ^ System.identityHashCode(this)));
    }

    @Override
    public final String id() {
        return id;
    }

    /** {@code Box(0, 1, [10, 10, channels])}, flattened as {@code [row][column][channel]}. */
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

    /** Chance that a step repeats the previously executed action instead of the requested one. */
    public final double stickyActionProbability() {
        return stickyActionProbability;
    }

    /** Reseeds both random streams, then starts a new episode. */
    @Override
    public final double[] reset(long seed) {
        seed(new ResumableRandom(seed));
        return reset();
    }

    /** Starts a new episode, continuing both random streams. */
    @Override
    public final double[] reset() {
        episodeStickiness = stickiness.state();
        episodeRandom = random.state();
        episodeSteps = 0;
        previousAction = MinAtarAction.NOOP;
        phase = Phase.PLAYING;
        startEpisode();
        return observation();
    }

    @Override
    public final StepResult step(double[] action) {
        MinAtarAction requested = MinAtarAction.of(ACTION_SPACE.index(action, id));
        if (phase == Phase.NOT_STARTED) {
            throw new IllegalStateException(id + ": step() called before reset(); call reset() first");
        }
        if (phase == Phase.OVER) {
            throw new IllegalStateException(id + ": step() called after the episode terminated; call reset()");
        }
        if (episodeSteps == episodeActions.length) {
            episodeActions = Arrays.copyOf(episodeActions, episodeSteps * 2);
        }
        episodeActions[episodeSteps++] = requested.ordinal();
        boolean sticks = stickiness.nextDouble() < stickyActionProbability;
        MinAtarAction executed = sticks ? previousAction : requested;
        previousAction = executed;
        int reward = advance(executed);
        if (isOver()) {
            phase = Phase.OVER;
        }
        return new StepResult(observation(), reward, phase == Phase.OVER, false);
    }

    /** The current grid: {@code 10 * 10 * channels} values of 0 or 1. */
    public final double[] observation() {
        Planes planes = new Planes(channels);
        paint(planes);
        return planes.values();
    }

    /**
     * The grid as a {@code 100 x 100} image, {@value #CELL_PIXELS} pixels per cell: a cell takes the
     * {@link #colour(int)} of its highest-numbered active channel, and is black when none is active.
     */
    @Override
    public final RgbFrame render() {
        double[] grid = observation();
        RgbFrame frame = RgbFrame.blank(SIZE * CELL_PIXELS, SIZE * CELL_PIXELS);
        for (int row = 0; row < SIZE; row++) {
            for (int column = 0; column < SIZE; column++) {
                int cell = (row * SIZE + column) * channels;
                for (int channel = channels - 1; channel >= 0; channel--) {
                    if (grid[cell + channel] == 1) {
                        paintCell(frame, row, column, palette[channel]);
                        break;
                    }
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

    /** Sets up the first state of an episode, drawing from {@link #random()}. */
    abstract void startEpisode();

    /** Plays one step with the action actually executed and returns its reward. */
    abstract int advance(MinAtarAction action);

    /** Whether the game's rules ended the episode in the step just played. */
    abstract boolean isOver();

    /** Marks every object of the current state on {@code planes}, which arrive empty. */
    abstract void paint(Planes planes);

    /** The game's own random stream (never the sticky-action one). */
    final ResumableRandom random() {
        return random;
    }

    /** The action executed on the latest step ({@link MinAtarAction#NOOP} before the first). */
    final MinAtarAction previousAction() {
        return previousAction;
    }

    /**
     * The episode as its start (both random streams' states) and the actions asked for since: the
     * games are deterministic given those, so {@link #restoreState} replays the episode to the
     * same step. Before the first reset, nothing.
     */
    @Override
    public final SavedState saveState() {
        if (phase == Phase.NOT_STARTED) {
            return SavedState.empty();
        }
        return SavedState.empty().withLongs("stickiness", episodeStickiness).withLongs("random", episodeRandom)
                .withLongs("actions", Arrays.copyOf(episodeActions, Math.max(episodeSteps, 1)))
                .with("steps", episodeSteps);
    }

    @Override
    public final void restoreState(SavedState saved) {
        requireNonNull(saved, "saved is null");
        if (saved.isEmpty()) {
            phase = Phase.NOT_STARTED;
            return;
        }
        int steps = Math.toIntExact(saved.whole("steps"));
        long[] actions = saved.longs("actions");
        if (steps > actions.length) {
            throw new IllegalArgumentException(id + ": saved state has " + steps + " steps but " + actions.length + " actions");
        }
        stickiness = ResumableRandom.of(saved.longs("stickiness"));
        random = ResumableRandom.of(saved.longs("random"));
        reset();
        for (int t = 0; t < steps; t++) {
            if (phase == Phase.OVER) {
                throw new IllegalArgumentException(id + ": the saved episode ended before its step " + (t + 1) + " of " + steps);
            }
            step(new double[] {actions[t]});
        }
    }

    private void seed(ResumableRandom root) {
        stickiness = root.split();
        random = root.split();
    }

    private static void paintCell(RgbFrame frame, int row, int column, int rgb) {
        int red = rgb >> 16 & 0xff;
        int green = rgb >> 8 & 0xff;
        int blue = rgb & 0xff;
        for (int y = row * CELL_PIXELS; y < (row + 1) * CELL_PIXELS; y++) {
            for (int x = column * CELL_PIXELS; x < (column + 1) * CELL_PIXELS; x++) {
                frame.set(x, y, red, green, blue);
            }
        }
    }
}
