package io.acktr.bench;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import io.acktr.api.env.Space;
import io.acktr.api.policy.ForwardPass;
import io.acktr.api.policy.Policy;
import io.acktr.api.policy.PolicyFactory;
import io.acktr.runtime.algorithm.Batch;
import io.acktr.runtime.settings.RunSettings;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A batch of {@code rows} synthetic transitions for a policy on the given spaces: standard normal
 * observations, actions sampled from the policy itself, standard normal advantages and returns
 * {@code R = V(s) + A}. All of it is drawn from {@code acktr.seed}, so every run measures the same
 * numbers. For network shapes without an installed environment (a 17-dimensional locomotion task,
 * image observations).
 *
 * @param observationSpace the observations the policy is built for
 * @param actionSpace the actions the policy is built for
 * @param rows {@code N}, transitions in the batch
 */
public record SyntheticBatch(Space observationSpace, Space actionSpace, int rows) implements Workload {
    public SyntheticBatch {
        requireNonNull(observationSpace, "observationSpace is null");
        requireNonNull(actionSpace, "actionSpace is null");
        if (rows < 1) {
            throw new IllegalArgumentException("a synthetic batch needs rows >= 1, got " + rows);
        }
    }

    /** The same spaces with {@code rows} transitions, e.g. a small batch of a large network for a test. */
    public SyntheticBatch withRows(int rows) {
        return new SyntheticBatch(observationSpace, actionSpace, rows);
    }

    @Override
    public PolicyAndBatch create(Config config, PolicyFactory policies, ClassLoader classLoader) {
        long seed = RunSettings.from(config).seed();
        Policy policy = policies.create(observationSpace, actionSpace, seed);
        SplittableRandom random = new SplittableRandom(seed);
        INDArray observations = standardNormal(random, rows, observationSpace.flatSize());
        ForwardPass pass = policy.forward(observations);
        INDArray actions = pass.distribution().sample(random).castTo(DataType.DOUBLE);
        INDArray advantages = standardNormal(random, rows, 1);
        INDArray returns = pass.values().castTo(DataType.DOUBLE).add(advantages);
        return new PolicyAndBatch(policy, new Batch(observations, actions, advantages, returns));
    }

    private static INDArray standardNormal(SplittableRandom random, int rows, int columns) {
        double[] values = new double[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        return Nd4j.create(values, new long[] {rows, columns}, DataType.DOUBLE);
    }
}
