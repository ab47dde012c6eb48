package io.acktr.policies.actorcritic;

import static java.util.Objects.requireNonNull;

import io.acktr.api.policy.Actor;
import io.acktr.policies.layers.PlainDenseStack;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * An {@link Actor} on a {@link ActorCriticNetwork.PlainNetwork}: two rows at a time through the
 * torso, then the policy and value layers ({@link PlainDenseStack#forwardTwo}), then each row
 * through the head's sampler, in double precision on working arrays allocated once. A row's action
 * and value do not depend on the other rows.
 */
final class PlainActor implements Actor {
    private final ActorCriticNetwork.PlainNetwork network;
    private final ActionHead.RowSampler sampler;
    private final int observationSize;
    private final int actionWidth;
    private final double[] features;
    private final double[] otherFeatures;
    private final double[] policyOutput;
    private final double[] otherPolicyOutput;
    private final double[] value = new double[1];
    private final double[] otherValue = new double[1];
    private final PlainDenseStack.Workspace workspace;

    PlainActor(ActorCriticNetwork.PlainNetwork network, ActionHead.RowSampler sampler, int actionWidth) {
        this.network = requireNonNull(network, "network is null");
        this.sampler = requireNonNull(sampler, "sampler is null");
        this.observationSize = network.torso().inputSize();
        this.actionWidth = actionWidth;
        this.features = new double[network.torso().outputSize()];
        this.otherFeatures = new double[features.length];
        this.policyOutput = new double[network.policy().outputSize()];
        this.otherPolicyOutput = new double[policyOutput.length];
        int widest = Math.max(network.torso().maxWidth(), Math.max(network.policy().maxWidth(), network.value().maxWidth()));
        this.workspace = new PlainDenseStack.Workspace(widest);
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
        int i = 0;
        for (; i + 1 < rows; i += 2) {
            network.torso().forwardTwo(observations, i * observationSize, observations, (i + 1) * observationSize,
                    features, otherFeatures, workspace);
            network.policy().forwardTwo(features, 0, otherFeatures, 0, policyOutput, otherPolicyOutput, workspace);
            sampler.sample(policyOutput, randoms.get(i), actions, i * actionWidth);
            sampler.sample(otherPolicyOutput, randoms.get(i + 1), actions, (i + 1) * actionWidth);
            network.value().forwardTwo(features, 0, otherFeatures, 0, value, otherValue, workspace);
            values[i] = value[0];
            values[i + 1] = otherValue[0];
        }
        if (i < rows) {
            network.torso().forward(observations, i * observationSize, features, workspace);
            network.policy().forward(features, 0, policyOutput, workspace);
            sampler.sample(policyOutput, randoms.get(i), actions, i * actionWidth);
            network.value().forward(features, 0, value, workspace);
            values[i] = value[0];
        }
    }

    @Override
    public void values(double[] observations, int rows, double[] values) {
        check(observations, rows, values);
        int i = 0;
        for (; i + 1 < rows; i += 2) {
            network.torso().forwardTwo(observations, i * observationSize, observations, (i + 1) * observationSize,
                    features, otherFeatures, workspace);
            network.value().forwardTwo(features, 0, otherFeatures, 0, value, otherValue, workspace);
            values[i] = value[0];
            values[i + 1] = otherValue[0];
        }
        if (i < rows) {
            network.torso().forward(observations, i * observationSize, features, workspace);
            network.value().forward(features, 0, value, workspace);
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
