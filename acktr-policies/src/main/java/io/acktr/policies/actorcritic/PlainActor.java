package io.acktr.policies.actorcritic;

import static java.util.Objects.requireNonNull;

import io.acktr.api.policy.Actor;
import io.acktr.policies.layers.PlainDenseStack;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * An {@link Actor} on a {@link ActorCriticNetwork.PlainNetwork}: each row through the torso, then
 * the policy and value layers, then the head's sampler, in double precision on working arrays
 * allocated once.
 */
final class PlainActor implements Actor {
    private final ActorCriticNetwork.PlainNetwork network;
    private final ActionHead.RowSampler sampler;
    private final int observationSize;
    private final int actionWidth;
    private final double[] features;
    private final double[] policyOutput;
    private final double[] value = new double[1];
    private final double[] first;
    private final double[] second;

    PlainActor(ActorCriticNetwork.PlainNetwork network, ActionHead.RowSampler sampler, int actionWidth) {
        this.network = requireNonNull(network, "network is null");
        this.sampler = requireNonNull(sampler, "sampler is null");
        this.observationSize = network.torso().inputSize();
        this.actionWidth = actionWidth;
        this.features = new double[network.torso().outputSize()];
        this.policyOutput = new double[network.policy().outputSize()];
        int widest = Math.max(network.torso().maxWidth(), Math.max(network.policy().maxWidth(), network.value().maxWidth()));
        this.first = new double[widest];
        this.second = new double[widest];
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
        for (int i = 0; i < rows; i++) {
            network.torso().forward(observations, i * observationSize, features, first, second);
            network.policy().forward(features, 0, policyOutput, first, second);
            sampler.sample(policyOutput, randoms.get(i), actions, i * actionWidth);
            network.value().forward(features, 0, value, first, second);
            values[i] = value[0];
        }
    }

    @Override
    public void values(double[] observations, int rows, double[] values) {
        check(observations, rows, values);
        for (int i = 0; i < rows; i++) {
            network.torso().forward(observations, i * observationSize, features, first, second);
            network.value().forward(features, 0, value, first, second);
            values[i] = value[0];
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
