package io.acktr.runtime.learner;

import io.acktr.runtime.algorithm.Batch;
import io.acktr.runtime.bus.FinishedEpisodes;
import io.acktr.runtime.bus.RolloutPart;
import java.lang.ref.Reference;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Puts the rollout workers' parts, given in worker order (contiguous slices from environment 0),
 * back together as one rollout of all {@code E} environments: a time-major {@link Batch} (row
 * {@code t * E + e}), the finished episodes in (step, environment) order and each environment's
 * normalisation samples, all the same however the environments were split.
 */
public final class RolloutAssembly {
    private RolloutAssembly() {
    }

    /** A finished episode, as {@link FinishedEpisodes} lists it. */
    public record Episode(int step, int environment, double episodeReturn, long length) {
    }

    public static Batch batch(List<RolloutPart> parts) {
        RolloutPart head = parts.get(0);
        int steps = head.steps();
        int observationSize = head.observationSize();
        int actionWidth = head.actionWidth();
        int envs = 0;
        for (RolloutPart part : parts) {
            if (part.firstEnvironment() != envs || part.steps() != steps || part.version() != head.version()) {
                throw new IllegalArgumentException("rollout parts do not fit together: expected environment " + envs + ", "
                        + steps + " steps, version " + head.version() + ", got environment " + part.firstEnvironment()
                        + ", " + part.steps() + " steps, version " + part.version());
            }
            envs += part.environments();
        }
        int rows = steps * envs;
        // the observations go straight into the native buffer (a Nature-CNN batch is 144 MB of doubles:
        // a Java array and Nd4j.create's copy of it cost about a quarter of a second per update)
        INDArray observations = Nd4j.createUninitialized(DataType.DOUBLE, new long[] {rows, observationSize}, 'c');
        DoubleBuffer observationBuffer = observations.data().asNioDouble();
        double[] actions = new double[rows * actionWidth];
        double[] advantages = new double[rows];
        double[] returns = new double[rows];
        for (RolloutPart part : parts) {
            int width = part.environments();
            for (int t = 0; t < steps; t++) {
                int from = t * width;
                int to = t * envs + part.firstEnvironment();
                observationBuffer.put(to * observationSize, part.observations(), from * observationSize,
                        width * observationSize);
                System.arraycopy(part.actions(), from * actionWidth, actions, to * actionWidth, width * actionWidth);
                System.arraycopy(part.advantages(), from, advantages, to, width);
                System.arraycopy(part.returns(), from, returns, to, width);
            }
        }
        Reference.reachabilityFence(observations);
        return new Batch(observations,
                Nd4j.create(actions, new long[] {rows, actionWidth}, DataType.DOUBLE),
                Nd4j.create(advantages, new long[] {rows, 1}, DataType.DOUBLE),
                Nd4j.create(returns, new long[] {rows, 1}, DataType.DOUBLE));
    }

    /** The episodes of all parts, ordered by step, then environment. */
    public static List<Episode> episodes(List<RolloutPart> parts) {
        List<Episode> episodes = new ArrayList<>();
        for (RolloutPart part : parts) {
            FinishedEpisodes e = part.episodes();
            for (int i = 0; i < e.count(); i++) {
                episodes.add(new Episode(e.steps()[i], e.environments()[i], e.returns()[i], e.lengths()[i]));
            }
        }
        episodes.sort(Comparator.comparingInt(Episode::step).thenComparingInt(Episode::environment));
        return episodes;
    }

    /**
     * Per environment in order, per normalising wrapper, its samples; {@code sizes[w]} is the
     * number of elements of wrapper {@code w}'s samples.
     */
    public static List<List<List<double[]>>> normalizerSamples(List<RolloutPart> parts, int[] sizes) {
        List<List<List<double[]>>> perEnvironment = new ArrayList<>();
        for (RolloutPart part : parts) {
            for (int j = 0; j < part.environments(); j++) {
                List<List<double[]>> perWrapper = new ArrayList<>();
                for (int w = 0; w < sizes.length; w++) {
                    double[] concatenated = part.normalizerSamples()[j * sizes.length + w];
                    List<double[]> samples = new ArrayList<>();
                    for (int from = 0; from < concatenated.length; from += sizes[w]) {
                        samples.add(java.util.Arrays.copyOfRange(concatenated, from, from + sizes[w]));
                    }
                    perWrapper.add(samples);
                }
                perEnvironment.add(perWrapper);
            }
        }
        return perEnvironment;
    }
}
