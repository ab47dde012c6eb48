package io.acktr.envs.core;

import static java.util.Objects.requireNonNull;

import io.acktr.api.env.Environment;
import io.acktr.api.env.Space;
import io.acktr.api.state.ResumableRandom;
import java.util.random.RandomGenerator;

/**
 * What every simulated environment here shares (classic control and Box2D): its id, its spaces and
 * a random generator that {@link #reset(long)} reseeds before starting an episode with
 * {@link #reset()}. Subclasses draw their reset state from {@link #random()}.
 */
public abstract class SeededEnvironment implements Environment {
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
     * The generator's state, for a subclass that is a
     * {@link io.acktr.api.env.RestorableEnvironment}; the generator is the one the last
     * {@link #reset(long)} seeded (the same numbers as a {@link java.util.SplittableRandom} of that seed).
     *
     * @throws IllegalStateException before the first {@link #reset(long)}
     */
    protected final long[] randomState() {
        if (!(random instanceof ResumableRandom resumable)) {
            throw new IllegalStateException(id + ": its random generator has no state to save before reset(seed)");
        }
        return resumable.state();
    }

    /** Continues from a generator state {@link #randomState()} gave. */
    protected final void restoreRandom(long[] state) {
        random = ResumableRandom.of(state);
    }

    @Override
    public String toString() {
        return id;
    }
}
