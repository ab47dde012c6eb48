package io.acktr.policies.actorcritic;

import static java.util.Objects.requireNonNull;

import io.acktr.api.policy.Actor;
import io.acktr.policies.layers.PlainDenseStack;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * An {@link Actor} on a {@link ActorCriticNetwork.PlainNetwork}: the rows, {@value #BLOCK} at a
 * time, through the torso, then the policy and value layers, then each row through the head's
 * sampler, in double precision on working arrays allocated once. Every row's result is the one it
 * would have alone.
 */
final class PlainActor implements Actor {
    /** Rows that go through the layers together. */
    private static final int BLOCK = 8;

    private final ActorCriticNetwork.PlainNetwork network;
    private final ActionHead.RowSampler sampler;
    private final int observationSize;
    private final int actionWidth;
    private final double[] features;
    private final double[] policyOutput;
    private final double[] rowOutput;
    private final double[] value;
    private final double[] first;
    private final double[] second;

    PlainActor(ActorCriticNetwork.PlainNetwork network, ActionHead.RowSampler sampler, int actionWidth) {
        this.network = requireNonNull(network, "network is null");
        this.sampler = requireNonNull(sampler, "sampler is null");
        this.observationSize = network.torso().inputSize();
        this.actionWidth = actionWidth;
        this.features = new double[BLOCK * network.torso().outputSize()];
        this.policyOutput = new double[BLOCK * network.policy().outputSize()];
        this.rowOutput = new double[network.policy().outputSize()];
        this.value = new double[BLOCK];
        int widest = Math.max(network.torso().maxWidth(), Math.max(network.policy().maxWidth(), network.value().maxWidth()));
        this.first = new double[BLOCK * widest];
        this.second = new double[BLOCK * widest];
    }

    @Override
    public int observationSize() {
        return observationSize;
    }

    @Override
    public int actionWidth() {
        return actionWidth;
    }

    @Override
    public void act(double[] observations, int rows, List<? extends RandomGenerator> randoms, double[] actions,
                    double[] values) {
        check(observations, rows, values);
        requireNonNull(randoms, "randoms is null");
        requireNonNull(actions, "actions is null");
        if (randoms.size() < rows || actions.length < rows * actionWidth) {
            throw new IllegalArgumentException(rows + " rows need " + rows + " random streams and " + rows * actionWidth
                    + " action entries, got " + randoms.size() + " and " + actions.length);
        }
        int featureWidth = network.torso().outputSize();
        int outputWidth = rowOutput.length;
        for (int start = 0; start < rows; start += BLOCK) {
            int block = Math.min(BLOCK, rows - start);
            network.torso().forwardRows(observations, start * observationSize, observationSize, block, features, first,
                    second);
            network.policy().forwardRows(features, 0, featureWidth, block, policyOutput, first, second);
            for (int r = 0; r < block; r++) {
                System.arraycopy(policyOutput, r * outputWidth, rowOutput, 0, outputWidth);
                sampler.sample(rowOutput, randoms.get(start + r), actions, (start + r) * actionWidth);
            }
            network.value().forwardRows(features, 0, featureWidth, block, value, first, second);
            System.arraycopy(value, 0, values, start, block);
        }
    }

    @Override
    public void values(double[] observations, int rows, double[] values) {
        check(observations, rows, values);
        int featureWidth = network.torso().outputSize();
        for (int start = 0; start < rows; start += BLOCK) {
            int block = Math.min(BLOCK, rows - start);
            network.torso().forwardRows(observations, start * observationSize, observationSize, block, features, first,
                    second);
            network.value().forwardRows(features, 0, featureWidth, block, value, first, second);
            System.arraycopy(value, 0, values, start, block);
        }
    }

    private void check(double[] observations, int rows, double[] values) {
        requireNonNull(observations, "observations is null");
        requireNonNull(values, "values is null");
        if (rows < 0 || observations.length < rows * observationSize || values.length < rows) {
            throw new IllegalArgumentException(rows + " rows need " + rows * observationSize + " observation entries and "
                    + rows + " values, got " + observations.length + " and " + values.length);
        }
    }
}
