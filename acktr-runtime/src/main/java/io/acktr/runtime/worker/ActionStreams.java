package io.acktr.runtime.worker;

import java.util.ArrayList;
import java.util.List;
import io.acktr.api.state.ResumableRandom;

/**
 * The random streams actions are sampled from, one per environment, a function of the run's seed
 * and the environment's index in the run only: however the environments are split among rollout
 * workers, each draws the same numbers. They are {@link ResumableRandom}s (the numbers of
 * {@link java.util.SplittableRandom}), whose state a checkpoint saves.
 */
public final class ActionStreams {
    /** Keeps the action streams apart from other streams derived from the same seed. */
    private static final long SALT = 0x5DEECE66DL;

    private ActionStreams() {
    }

    /** The streams of environments {@code first .. first + count - 1}. */
    public static List<ResumableRandom> forEnvironments(long runSeed, int first, int count) {
        ResumableRandom root = new ResumableRandom(runSeed ^ SALT);
        List<ResumableRandom> streams = new ArrayList<>(count);
        for (int index = 0; index < first + count; index++) {
            ResumableRandom stream = root.split(); // the index-th split of the root, whoever asks
            if (index >= first) {
                streams.add(stream);
            }
        }
        return streams;
    }
}
