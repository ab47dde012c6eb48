package io.acktr.runtime.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The random streams actions are sampled from, one per environment, a function of the run's seed
 * and the environment's index in the run only: however the environments are split among rollout
 * workers, each draws the same numbers.
 */
public final class ActionStreams {
    /** Keeps the action streams apart from other streams derived from the same seed. */
    private static final long SALT = 0x5DEECE66DL;

    private ActionStreams() {
    }

    /** The streams of environments {@code first .. first + count - 1}. */
    public static List<RandomGenerator> forEnvironments(long runSeed, int first, int count) {
        SplittableRandom root = new SplittableRandom(runSeed ^ SALT);
        List<RandomGenerator> streams = new ArrayList<>(count);
        for (int index = 0; index < first + count; index++) {
            SplittableRandom stream = root.split(); // the index-th split of the root, whoever asks
            if (index >= first) {
                streams.add(stream);
            }
        }
        return streams;
    }
}
