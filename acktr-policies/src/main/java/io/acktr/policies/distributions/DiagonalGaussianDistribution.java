package io.acktr.policies.distributions;

import static java.util.Objects.requireNonNull;

import io.acktr.api.policy.ActionDistribution;
import io.acktr.numerics.Elementwise;
import io.acktr.numerics.Rows;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * {@code N} Gaussians with diagonal covariance over {@code d}-dimensional actions. Each sample's
 * parameter vector is {@code [mean (d), logStd (d)]}, so {@link #parameterWidth()} is {@code 2d}
 * and gradients are {@code N x 2d} matrices with the mean part first.
 */
public final class DiagonalGaussianDistribution implements ActionDistribution {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final INDArray mean;
    private final INDArray logStd;
    private final INDArray std;

    /**
     * @param mean {@code N x d}
     * @param logStd {@code N x d}, or {@code 1 x d} shared by every row (copied either way)
     */
    public DiagonalGaussianDistribution(INDArray mean, INDArray logStd) {
        requireNonNull(mean, "mean is null");
        requireNonNull(logStd, "logStd is null");
        if (mean.rank() != 2 || logStd.rank() != 2 || logStd.columns() != mean.columns()
                || (logStd.rows() != mean.rows() && logStd.rows() != 1)) {
            throw new IllegalArgumentException("mean must be N x d and logStd N x d or 1 x d, got "
                    + Arrays.toString(mean.shape()) + " and " + Arrays.toString(logStd.shape()));
        }
        this.mean = mean;
        this.logStd = logStd.rows() == mean.rows()
                ? logStd.dup()
                : Elementwise.addToEveryRow(Nd4j.zeros(mean.dataType(), mean.rows(), mean.columns()),
                        logStd.castTo(mean.dataType()), true);
        this.std = Transforms.exp(this.logStd, true);
    }

    /** The Fisher of {@code [mean, logStd]} is diagonal: {@code 1/sigma^2} for the mean, {@code 2} for the log-std. */
    @Override
    public INDArray fisherVectorProduct(INDArray parameterTangent) {
        requireNonNull(parameterTangent, "parameterTangent is null");
        long d = mean.columns();
        if (parameterTangent.rank() != 2 || parameterTangent.rows() != mean.rows() || parameterTangent.columns() != 2 * d) {
            throw new IllegalArgumentException("parameterTangent must be " + mean.rows() + " x " + 2 * d + ", got "
                    + Arrays.toString(parameterTangent.shape()));
        }
        INDArray t = parameterTangent.castTo(mean.dataType());
        INDArray meanPart = t.get(NDArrayIndex.all(), NDArrayIndex.interval(0, d)).div(std).divi(std);
        INDArray logStdPart = t.get(NDArrayIndex.all(), NDArrayIndex.interval(d, 2 * d)).mul(2.0);
        return Rows.sideBySide(meanPart, logStdPart);
    }

    /** Splits an {@code N x 2d} parameter matrix {@code [mean, logStd]}. */
    public static DiagonalGaussianDistribution fromParameters(INDArray parameters) {
        requireNonNull(parameters, "parameters is null");
        if (parameters.rank() != 2 || parameters.columns() % 2 != 0 || parameters.columns() == 0) {
            throw new IllegalArgumentException("parameters must be N x 2d, got " + Arrays.toString(parameters.shape()));
        }
        long d = parameters.columns() / 2;
        return new DiagonalGaussianDistribution(
                parameters.get(NDArrayIndex.all(), NDArrayIndex.interval(0, d)).dup(),
                parameters.get(NDArrayIndex.all(), NDArrayIndex.interval(d, 2 * d)));
    }

    public INDArray mean() {
        return mean;
    }

    /** {@code N x d}, one row per sample. */
    public INDArray logStd() {
        return logStd;
    }

    /** {@code [mean, logStd]}, {@code N x 2d}. */
    public INDArray parameters() {
        return Rows.sideBySide(mean, logStd);
    }

    public int actionDimension() {
        return mean.columns();
    }

    @Override
    public int batchSize() {
        return mean.rows();
    }

    @Override
    public int parameterWidth() {
        return 2 * actionDimension();
    }

    @Override
    public int actionWidth() {
        return actionDimension();
    }

    /** {@code mean + std * eps}, {@code eps ~ N(0, I)} drawn from {@code random}. */
    @Override
    public INDArray sample(RandomGenerator random) {
        requireNonNull(random, "random is null");
        double[] noise = new double[batchSize() * actionDimension()];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextGaussian();
        }
        INDArray eps = Nd4j.create(noise, new long[] {batchSize(), actionDimension()}, mean.dataType());
        return eps.muli(std).addi(mean);
    }

    /** As {@link #sample(RandomGenerator)}, row {@code i}'s noise drawn from {@code rowRandoms.get(i)}. */
    @Override
    public INDArray sample(List<? extends RandomGenerator> rowRandoms) {
        requireNonNull(rowRandoms, "rowRandoms is null");
        if (rowRandoms.size() != batchSize()) {
            throw new IllegalArgumentException("expected " + batchSize() + " random generators, got " + rowRandoms.size());
        }
        int d = actionDimension();
        double[] noise = new double[batchSize() * d];
        for (int i = 0; i < batchSize(); i++) {
            RandomGenerator random = rowRandoms.get(i);
            for (int j = 0; j < d; j++) {
                noise[i * d + j] = random.nextGaussian();
            }
        }
        INDArray eps = Nd4j.create(noise, new long[] {batchSize(), d}, mean.dataType());
        return eps.muli(std).addi(mean);
    }

    /**
     * One row's sampling on plain arrays, as {@link #sample(List)} does it for that row:
     * {@code a_j = eps_j std_j + mean_j} with {@code eps_j} the {@code j}-th of {@code d} Gaussian
     * draws from {@code random}, written to {@code actions[offset .. offset + d - 1]}.
     */
    public static void sampleRow(double[] mean, double[] std, int d, RandomGenerator random, double[] actions,
                                 int offset) {
        for (int j = 0; j < d; j++) {
            actions[offset + j] = random.nextGaussian() * std[j] + mean[j];
        }
    }

    @Override
    public INDArray mode() {
        return mean.dup();
    }

    /** {@code -sum(z^2)/2 - sum(logStd) - d log(2 pi)/2} with {@code z = (a - mean)/std}. */
    @Override
    public INDArray logProb(INDArray actions) {
        INDArray z = standardised(actions);
        return z.muli(z).muli(-0.5).subi(logStd).sum(true, 1).subi(0.5 * actionDimension() * LOG_2PI);
    }

    /** {@code sum(logStd) + d (1 + log 2 pi) / 2}. */
    @Override
    public INDArray entropy() {
        return logStd.sum(true, 1).addi(0.5 * actionDimension() * (1 + LOG_2PI));
    }

    /** {@code sum(logStd_q - logStd_p + (std_p^2 + (mean_p - mean_q)^2) / (2 std_q^2) - 1/2)}. */
    @Override
    public INDArray kl(ActionDistribution other) {
        DiagonalGaussianDistribution q = sameKind(other);
        INDArray meanDifference = mean.sub(q.mean);
        INDArray numerator = meanDifference.muli(meanDifference).addi(std.mul(std));
        INDArray qVariance = q.std.mul(q.std).muli(2.0);
        return numerator.divi(qVariance).addi(q.logStd).subi(logStd).subi(0.5).sum(true, 1);
    }

    /** {@code [ (a - mean) / std^2, z^2 - 1 ]}. */
    @Override
    public INDArray logProbGradient(INDArray actions) {
        INDArray z = standardised(actions);
        INDArray meanGradient = z.div(std);
        INDArray logStdGradient = z.muli(z).subi(1.0);
        return Rows.sideBySide(meanGradient, logStdGradient);
    }

    /** {@code [0, 1]}: the entropy depends on the log-std only. */
    @Override
    public INDArray entropyGradient() {
        return Rows.sideBySide(Nd4j.zeros(mean.dataType(), batchSize(), actionDimension()),
                Nd4j.ones(mean.dataType(), batchSize(), actionDimension()));
    }

    private INDArray standardised(INDArray actions) {
        requireNonNull(actions, "actions is null");
        if (actions.rank() != 2 || actions.rows() != batchSize() || actions.columns() != actionDimension()) {
            throw new IllegalArgumentException("actions must be " + batchSize() + " x " + actionDimension() + ", got "
                    + Arrays.toString(actions.shape()));
        }
        return actions.castTo(mean.dataType()).sub(mean).divi(std);
    }

    private DiagonalGaussianDistribution sameKind(ActionDistribution other) {
        requireNonNull(other, "other is null");
        if (!(other instanceof DiagonalGaussianDistribution q) || q.batchSize() != batchSize()
                || q.actionDimension() != actionDimension()) {
            throw new IllegalArgumentException("KL needs a diagonal Gaussian of " + batchSize() + " x "
                    + actionDimension() + ", got " + other);
        }
        return q;
    }

    @Override
    public String toString() {
        return "DiagonalGaussianDistribution[" + batchSize() + " x " + actionDimension() + "]";
    }
}
