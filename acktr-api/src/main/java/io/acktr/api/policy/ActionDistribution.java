package io.acktr.api.policy;

import io.acktr.api.plugin.ExtensionPoint;
import java.util.List;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A batch of {@code N} action distributions, one per observation. Each distribution is determined
 * by a per-sample parameter vector of width {@link #parameterWidth()} (logits for a categorical;
 * mean and log-std for a diagonal Gaussian); gradients are taken with respect to that vector and
 * returned as {@code N x parameterWidth()} matrices. Per-sample scalars are {@code N x 1} columns.
 */
@ExtensionPoint
public interface ActionDistribution {
    int batchSize();

    int parameterWidth();

    /** Width of one action: 1 for a discrete action (the index), the dimension for a box. */
    int actionWidth();

    /** One sampled action per row, {@code N x actionWidth()}. */
    INDArray sample(RandomGenerator random);

    /**
     * One sampled action per row, row {@code i} drawing only from {@code rowRandoms.get(i)}, so
     * that a row's action does not depend on which other rows share the batch (each environment
     * keeps its own stream however environments are split among rollout workers). Both built-in
     * distributions override it. By default row {@code i} is row {@code i} of
     * {@code sample(rowRandoms.get(i))}: independent of the other rows' streams, but it depends on
     * the row's position and costs {@code N} samplings.
     */
    default INDArray sample(List<? extends RandomGenerator> rowRandoms) {
        if (rowRandoms.size() != batchSize()) {
            throw new IllegalArgumentException("expected " + batchSize() + " random generators, got " + rowRandoms.size());
        }
        INDArray actions = null;
        for (int i = 0; i < rowRandoms.size(); i++) {
            INDArray sampled = sample(rowRandoms.get(i));
            if (actions == null) {
                actions = sampled.dup();
            } else {
                actions.putRow(i, sampled.getRow(i));
            }
        }
        return actions;
    }

    /** The most likely action per row. */
    INDArray mode();

    /** {@code log p(a_i)} per row. */
    INDArray logProb(INDArray actions);

    /** Entropy per row. */
    INDArray entropy();

    /** {@code KL(this_i || other_i)} per row; {@code other} must be of the same kind and size. */
    INDArray kl(ActionDistribution other);

    /** {@code d log p(a_i) / d params_i}, {@code N x parameterWidth()}. */
    INDArray logProbGradient(INDArray actions);

    /**
     * {@code d log p(a_i) / d params_i} at actions {@code a_i} sampled from this distribution, the
     * output gradient of a sampled Fisher. Draws from {@code random} exactly as {@link #sample} does,
     * so the two give the same actions; distributions may compute it without forming the actions.
     */
    default INDArray sampledLogProbGradient(RandomGenerator random) {
        return logProbGradient(sample(random));
    }

    /** {@code d H_i / d params_i}, {@code N x parameterWidth()}. */
    INDArray entropyGradient();

    /**
     * {@code H_i t_i} per row, with {@code H_i} the Fisher information of distribution {@code i}
     * with respect to its parameters (categorical logits: {@code diag(p) - p p^T}; Gaussian mean:
     * {@code 1/sigma^2}, log-std: {@code 2}) and {@code t} an {@code N x parameterWidth()} tangent.
     */
    INDArray fisherVectorProduct(INDArray parameterTangent);
}
