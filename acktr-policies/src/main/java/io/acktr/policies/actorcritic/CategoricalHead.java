package io.acktr.policies.actorcritic;

import io.acktr.api.policy.ActionDistribution;
import io.acktr.api.policy.ParameterBlock;
import io.acktr.policies.distributions.CategoricalDistribution;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The network outputs the logits directly; no parameters of its own. */
record CategoricalHead(int actionCount) implements ActionHead {
    @Override
    public int networkOutputSize() {
        return actionCount;
    }

    @Override
    public List<ParameterBlock> parameters() {
        return List.of();
    }

    @Override
    public ActionDistribution distribution(INDArray networkOutput) {
        return new CategoricalDistribution(networkOutput);
    }

    @Override
    public RowSampler rowSampler() {
        double[] probabilities = new double[actionCount];
        return (output, random, actions, offset) ->
                actions[offset] = CategoricalDistribution.sampleIndex(output, actionCount, probabilities, random);
    }

    @Override
    public INDArray networkOutputGradient(INDArray distributionGradient) {
        return distributionGradient;
    }

    @Override
    public INDArray distributionTangent(INDArray networkOutputTangent, Map<String, INDArray> parameterTangents) {
        return networkOutputTangent;
    }

    @Override
    public Map<String, INDArray> parameterGradients(INDArray distributionGradient) {
        return Map.of();
    }

    @Override
    public Map<String, INDArray> perSampleGradients(INDArray distributionGradient) {
        return Map.of();
    }
}
