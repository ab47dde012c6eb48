package io.acktr.policies.distributions;

import static java.util.Objects.requireNonNull;

import io.acktr.api.policy.ActionDistribution;
import java.util.List;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * {@code N} categorical distributions over {@code k} actions, {@code p = softmax(z)} for logits
 * {@code z} ({@code N x k}). Actions are {@code N x 1} columns holding the indices as floating values.
 */
public final class CategoricalDistribution implements ActionDistribution {
    private final INDArray logits;
    private final INDArray logProbabilities;
    private final INDArray probabilities;

    public CategoricalDistribution(INDArray logits) {
        requireNonNull(logits, "logits is null");
        if (logits.rank() != 2 || logits.columns() < 1) {
            throw new IllegalArgumentException("logits must be N x k, got " + java.util.Arrays.toString(logits.shape()));
        }
        this.logits = logits;
        INDArray shifted = logits.subColumnVector(logits.max(true, 1));
        INDArray logNormaliser = Transforms.log(Transforms.exp(shifted, true).sum(true, 1), false);
        this.logProbabilities = shifted.subiColumnVector(logNormaliser);
        this.probabilities = Transforms.exp(logProbabilities, true);
    }

    public INDArray logits() {
        return logits;
    }

    /** {@code log p}, {@code N x k}. */
    public INDArray logProbabilities() {
        return logProbabilities;
    }

    /** {@code p}, {@code N x k}. */
    public INDArray probabilities() {
        return probabilities;
    }

    @Override
    public int batchSize() {
        return logits.rows();
    }

    @Override
    public int parameterWidth() {
        return logits.columns();
    }

    @Override
    public int actionWidth() {
        return 1;
    }

    /** Inverse-CDF sampling, one uniform draw per row. */
    @Override
    public INDArray sample(RandomGenerator random) {
        requireNonNull(random, "random is null");
        int k = parameterWidth();
        double[] flat = Matrices.rowMajor(probabilities);
        double[] actions = new double[batchSize()];
        double[] row = new double[k];
        for (int i = 0; i < actions.length; i++) {
            System.arraycopy(flat, i * k, row, 0, k);
            actions[i] = inverseCdf(row, random.nextDouble());
        }
        return column(actions);
    }

    /** Inverse-CDF sampling, one uniform draw per row from that row's generator. */
    @Override
    public INDArray sample(List<? extends RandomGenerator> rowRandoms) {
        requireNonNull(rowRandoms, "rowRandoms is null");
        if (rowRandoms.size() != batchSize()) {
            throw new IllegalArgumentException("expected " + batchSize() + " random generators, got " + rowRandoms.size());
        }
        int k = parameterWidth();
        double[] flat = Matrices.rowMajor(probabilities);
        double[] actions = new double[batchSize()];
        double[] row = new double[k];
        for (int i = 0; i < actions.length; i++) {
            System.arraycopy(flat, i * k, row, 0, k);
            actions[i] = inverseCdf(row, rowRandoms.get(i).nextDouble());
        }
        return column(actions);
    }

    /** {@code onehot(a) - p} for sampled {@code a}, built in one pass over {@code p} without forming the actions. */
    @Override
    public INDArray sampledLogProbGradient(RandomGenerator random) {
        requireNonNull(random, "random is null");
        int k = parameterWidth();
        double[] gradient = Matrices.rowMajor(probabilities);
        double[] row = new double[k];
        for (int i = 0; i < batchSize(); i++) {
            System.arraycopy(gradient, i * k, row, 0, k);
            int action = inverseCdf(row, random.nextDouble());
            for (int j = 0; j < k; j++) {
                gradient[i * k + j] = (j == action ? 1.0 : 0.0) - row[j];
            }
        }
        return Nd4j.create(gradient, new long[] {batchSize(), k}, logits.dataType());
    }

    @Override
    public INDArray mode() {
        return logits.argMax(1).castTo(logits.dataType()).reshape(logits.rows(), 1);
    }

    @Override
    public INDArray logProb(INDArray actions) {
        return oneHot(actions).muli(logProbabilities).sum(true, 1);
    }

    @Override
    public INDArray entropy() {
        return probabilities.mul(logProbabilities).sum(true, 1).negi();
    }

    @Override
    public INDArray kl(ActionDistribution other) {
        CategoricalDistribution q = sameKind(other);
        return logProbabilities.sub(q.logProbabilities).muli(probabilities).sum(true, 1);
    }

    /** {@code onehot(a) - p}. */
    @Override
    public INDArray logProbGradient(INDArray actions) {
        return oneHot(actions).subi(probabilities);
    }

    /** {@code dH/dz_j = -p_j (log p_j + H)}. */
    @Override
    public INDArray entropyGradient() {
        return logProbabilities.addColumnVector(entropy()).muli(probabilities).negi();
    }

    /** {@code (diag(p) - p p^T) t = p o t - p (p . t)} per row. */
    @Override
    public INDArray fisherVectorProduct(INDArray parameterTangent) {
        INDArray t = checkedTangent(parameterTangent);
        INDArray weighted = probabilities.mul(t);
        return weighted.subi(probabilities.mulColumnVector(weighted.sum(true, 1)));
    }

    private INDArray checkedTangent(INDArray tangent) {
        requireNonNull(tangent, "parameterTangent is null");
        if (tangent.rank() != 2 || tangent.rows() != batchSize() || tangent.columns() != parameterWidth()) {
            throw new IllegalArgumentException("parameterTangent must be " + batchSize() + " x " + parameterWidth()
                    + ", got " + java.util.Arrays.toString(tangent.shape()));
        }
        return tangent.castTo(probabilities.dataType());
    }

    private CategoricalDistribution sameKind(ActionDistribution other) {
        requireNonNull(other, "other is null");
        if (!(other instanceof CategoricalDistribution q) || q.batchSize() != batchSize()
                || q.parameterWidth() != parameterWidth()) {
            throw new IllegalArgumentException("KL needs a categorical distribution of " + batchSize() + " x "
                    + parameterWidth() + ", got " + other);
        }
        return q;
    }

    private INDArray oneHot(INDArray actions) {
        requireNonNull(actions, "actions is null");
        if (actions.rank() != 2 || actions.rows() != batchSize() || actions.columns() != 1) {
            throw new IllegalArgumentException("actions must be " + batchSize() + " x 1, got "
                    + java.util.Arrays.toString(actions.shape()));
        }
        int n = batchSize();
        int k = parameterWidth();
        double[] a = Matrices.rowMajor(actions);
        double[] flat = new double[n * k];
        for (int i = 0; i < n; i++) {
            double v = a[i];
            if (v != Math.rint(v) || v < 0 || v >= k) {
                throw new IllegalArgumentException("action " + v + " in row " + i + " is not an index in [0, " + k + ")");
            }
            flat[i * k + (int) v] = 1.0;
        }
        return Nd4j.create(flat, new long[] {n, k}, logits.dataType());
    }

    private INDArray column(double[] values) {
        return Nd4j.create(values, new long[] {values.length, 1}, logits.dataType());
    }

    /**
     * One row's sampling on plain arrays, as {@link #sample(List)} does it for that row: the
     * probabilities of the logits {@code logits[0 .. k - 1]} computed as the constructor computes
     * them ({@code p = exp(z - max z - log sum exp(z - max z))}), in double, then the inverse CDF of
     * one uniform draw from {@code random}.
     *
     * @param probabilities working array of at least {@code k}, overwritten with {@code p}
     * @return the sampled index
     */
    public static int sampleIndex(double[] logits, int k, double[] probabilities, RandomGenerator random) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            max = Math.max(max, logits[j]);
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            sum += Math.exp(logits[j] - max);
        }
        double logNormaliser = Math.log(sum);
        for (int j = 0; j < k; j++) {
            probabilities[j] = Math.exp(logits[j] - max - logNormaliser);
        }
        return inverseCdf(probabilities, k, random.nextDouble());
    }

    private static int inverseCdf(double[] p, double u) {
        return inverseCdf(p, p.length, u);
    }

    private static int inverseCdf(double[] p, int k, double u) {
        double cumulative = 0;
        for (int j = 0; j < k; j++) {
            cumulative += p[j];
            if (u < cumulative) {
                return j;
            }
        }
        int last = k - 1;
        while (last > 0 && p[last] == 0) {
            last--;
        }
        return last;
    }

    @Override
    public String toString() {
        return "CategoricalDistribution[" + batchSize() + " x " + parameterWidth() + "]";
    }
}
