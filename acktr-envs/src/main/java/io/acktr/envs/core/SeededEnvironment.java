package io.acktr.envs.core;

import static java.util.Objects.requireNonNull;

import io.acktr.api.env.Environment;
import io.acktr.api.env.Space;
import java.util.SplittableRandom;

/**
 * What every simulated environment here shares (classic control and Box2D): its id, its spaces and
 * a random generator that {@link #reset(long)} reseeds before starting an episode with
 * {@link #reset()}. Subclasses draw their reset state from {@link #random()}.
 */
public abstract class SeededEnvironment implements Environment {
    private final String id;
    private final Space observationSpace;
    private final Space actionSpace;
    private SplittableRandom random;

    protected SeededEnvironment(String id, Space observationSpace, Space actionSpace, SplittableRandom random) {
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
        random = new SplittableRandom(seed);
        return reset();
    }

    /** The generator episodes draw from; replaced by every {@link #reset(long)}. */
    protected final SplittableRandom random() {
        return random;
    }

    @Override
    public String toString() {
        return id;
    }
}
