package io.acktr.policies.actorcritic;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.Space;
import io.acktr.api.policy.ActionDistribution;
import io.acktr.api.policy.ParameterBlock;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Turns the policy network's output into an action distribution, and its gradient back. */
sealed interface ActionHead permits CategoricalHead, GaussianHead {
    /** @param initialLogStd a Gaussian head's starting {@code log_std} (box actions) */
    static ActionHead forSpace(Space actionSpace, DataType dataType, double initialLogStd) {
        if (actionSpace instanceof DiscreteSpace discrete) {
            return new CategoricalHead(discrete.n());
        }
        if (actionSpace instanceof BoxSpace box) {
            return new GaussianHead(box.flatSize(), dataType, initialLogStd);
        }
        throw new IllegalArgumentException("unsupported action space " + actionSpace.describe());
    }

    /** Width of the policy network's output layer. */
    int networkOutputSize();

    /** Parameters of the head itself (not part of any dense layer). */
    List<ParameterBlock> parameters();

    ActionDistribution distribution(INDArray networkOutput);

    /** The part of {@code dL/d distribution parameters} that flows into the network output. */
    INDArray networkOutputGradient(INDArray distributionGradient);

    /** Gradients of {@link #parameters()}, summed over the batch. */
    Map<String, INDArray> parameterGradients(INDArray distributionGradient);

    /**
     * Forward mode: the tangent of the distribution parameters ({@code N x parameterWidth}) given the
     * network output's tangent and the tangents of {@link #parameters()} (absent ones are zero).
     */
    INDArray distributionTangent(INDArray networkOutputTangent, Map<String, INDArray> parameterTangents);

    /**
     * Samples one row's action from one row of the network's output on plain arrays, as
     * {@code distribution(output).sample(rowRandoms)} does for that row, with the head's parameters
     * as they are now. Keeps a working array: one per thread.
     */
    RowSampler rowSampler();

    /** One row's action from one row of the policy network's output. */
    interface RowSampler {
        /** Draws from {@code random} only; writes the action to {@code actions[offset ..]}. */
        void sample(double[] networkOutput, RandomGenerator random, double[] actions, int offset);
    }

    /** Per-sample ({@code N x size}) gradients of {@link #parameters()}. */
    Map<String, INDArray> perSampleGradients(INDArray distributionGradient);
}
