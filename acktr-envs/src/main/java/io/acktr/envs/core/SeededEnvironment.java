package io.acktr.envs.core;

import static java.util.Objects.requireNonNull;

import io.acktr.api.env.Environment;
import io.acktr.api.env.Space;
import io.acktr.api.state.ResumableRandom;
import io.acktr.api.state.SavedState;
import java.util.random.RandomGenerator;

/**
 * What every simulated environment here shares (classic control and Box2D): its id, its spaces and
 * a random generator that {@link #reset(long)} reseeds before starting an episode with
 * {@link #reset()}. Subclasses draw their reset state from {@link #random()}.
 */
public abstract class SeededEnvironment implements Environment {
    /** The names of the saved state's entries. */
    private static final String RANDOM = "random";
    private static final String STATE = "state";
    private static final String TERMINATED = "terminated";

    private final String id;
    private final Space observationSpace;
    private final Space actionSpace;
    private RandomGenerator random;

    protected SeededEnvironment(String id, Space observationSpace, Space actionSpace, RandomGenerator random) {
        this.id = requireNonNull(id, "id is null");
        this.observationSpace = requireNonNull(observationSpace, "observationSpace is null");
        this.actionSpace = requireNonNull(actionSpace, "actionSpace is null");
        this.random = requireNonNull(random, "random is null");
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Space observationSpace() {
        return observationSpace;
    }

    @Override
    public final Space actionSpace() {
        return actionSpace;
    }

    @Override
    public final double[] reset(long seed) {
        random = new ResumableRandom(seed);
        return reset();
    }

    /** The generator episodes draw from; replaced by every {@link #reset(long)}. */
    protected final RandomGenerator random() {
        return random;
    }

    /**
     * The generator's state, the saved state of a subclass that is a
     * {@link io.acktr.api.env.RestorableEnvironment}, to which it adds its own values; the generator
     * is the one the last {@link #reset(long)} seeded (the same numbers as a
     * {@link java.util.SplittableRandom} of that seed).
     *
     * @throws IllegalStateException before the first {@link #reset(long)}
     */
    protected final SavedState savedRandom() {
        if (!(random instanceof ResumableRandom resumable)) {
            throw new IllegalStateException(id + ": its random generator has no state to save before reset(seed)");
        }
        return SavedState.empty().withLongs(RANDOM, resumable.state());
    }

    /** Continues from the generator {@link #savedRandom()} put in {@code saved}, which is returned for the subclass's values. */
    protected final SavedState restoreRandom(SavedState saved) {
        requireNonNull(saved, "saved is null");
        random = ResumableRandom.of(saved.longs(RANDOM));
        return saved;
    }

    /**
     * The saved state of an environment whose dynamics are one vector: {@link #savedRandom()} and,
     * once an episode has started ({@code state} not null), the vector and whether it terminated.
     */
    protected final SavedState savedEpisode(double[] state, boolean terminated) {
        SavedState saved = savedRandom();
        return state == null ? saved : saved.with(STATE, state).with(TERMINATED, terminated);
    }

    /**
     * Takes back what {@link #savedEpisode} saved: restores the generator and returns the episode,
     * whose state is null if none had started.
     *
     * @throws IllegalArgumentException when the vector does not have {@code length} elements
     */
    protected final Episode restoreEpisode(SavedState saved, int length) {
        restoreRandom(saved);
        if (!saved.hasArray(STATE)) {
            return new Episode(null, false);
        }
        double[] state = saved.doubles(STATE);
        if (state.length != length) {
            throw new IllegalArgumentException(id + " state has " + length + " elements, got " + state.length);
        }
        return new Episode(state, saved.flag(TERMINATED));
    }

    /** An episode's state vector (null before the first) and whether it has terminated. */
    protected record Episode(double[] state, boolean terminated) {
    }

    @Override
    public String toString() {
        return id;
    }
}
