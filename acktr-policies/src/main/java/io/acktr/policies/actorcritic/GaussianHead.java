package io.acktr.policies.actorcritic;

import io.acktr.api.policy.ActionDistribution;
import io.acktr.api.policy.ParameterBlock;
import io.acktr.numerics.Elementwise;
import io.acktr.numerics.Rows;
import io.acktr.policies.distributions.DiagonalGaussianDistribution;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The network outputs the means; the log-std is a free {@code 1 x d} parameter vector, the same
 * for every state, initialised to the architecture's {@code initialLogStd} (0 by default: standard
 * deviation 1; stable-baselines3's {@code log_std_init}).
 */
final class GaussianHead implements ActionHead {
    static final String LOG_STD = "log_std";

    private final int dimension;
    private final INDArray logStd;

    GaussianHead(int dimension, DataType dataType, double initialLogStd) {
        this.dimension = dimension;
        this.logStd = Nd4j.zeros(dataType, 1, dimension).addi(initialLogStd);
    }

    @Override
    public int networkOutputSize() {
        return dimension;
    }

    @Override
    public List<ParameterBlock> parameters() {
        return List.of(new ParameterBlock(LOG_STD, logStd));
    }

    @Override
    public ActionDistribution distribution(INDArray networkOutput) {
        return new DiagonalGaussianDistribution(networkOutput, logStd);
    }

    /** The standard deviations {@code exp(log_std)} as they are now. */
    @Override
    public RowSampler rowSampler() {
        double[] std = logStd.toDoubleVector();
        for (int j = 0; j < dimension; j++) {
            std[j] = Math.exp(std[j]);
        }
        return (output, random, actions, offset) ->
                DiagonalGaussianDistribution.sampleRow(output, std, dimension, random, actions, offset);
    }

    @Override
    public INDArray networkOutputGradient(INDArray distributionGradient) {
        return distributionGradient.get(NDArrayIndex.all(), NDArrayIndex.interval(0, dimension));
    }

    /** {@code [d mean, d logStd]}, the log-std tangent repeated on every row. */
    @Override
    public INDArray distributionTangent(INDArray networkOutputTangent, Map<String, INDArray> parameterTangents) {
        INDArray logStdTangent = Nd4j.zeros(networkOutputTangent.dataType(), networkOutputTangent.rows(), dimension);
        INDArray shared = parameterTangents.get(LOG_STD);
        if (shared != null) {
            Elementwise.addToEveryRow(logStdTangent, shared, true);
        }
        return Rows.sideBySide(networkOutputTangent, logStdTangent);
    }

    @Override
    public Map<String, INDArray> parameterGradients(INDArray distributionGradient) {
        return Map.of(LOG_STD, logStdPart(distributionGradient).sum(true, 0));
    }

    @Override
    public Map<String, INDArray> perSampleGradients(INDArray distributionGradient) {
        return Map.of(LOG_STD, logStdPart(distributionGradient).dup());
    }

    private INDArray logStdPart(INDArray distributionGradient) {
        return distributionGradient.get(NDArrayIndex.all(), NDArrayIndex.interval(dimension, 2L * dimension));
    }
}
