package io.acktr.policies.distributions;

import static java.util.Objects.requireNonNull;

import io.acktr.api.policy.ActionDistribution;
import io.acktr.numerics.Elementwise;
import io.acktr.numerics.Vectors;
import java.util.List;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code N} categorical distributions over {@code k} actions, {@code p = softmax(z)} for logits
 * {@code z} ({@code N x k}). Actions are {@code N x 1} columns holding the indices as floating values.
 *
 * <p>{@code log p} and {@code p} are computed once, in double, in plain loops over the rows (as the
 * plain-array actor samples, {@link #sampleIndex}); every quantity of the update (log-probabilities
 * of actions, entropy, KL, their gradients) is a loop over them, and only its result becomes an
 * array of the logits' data type. Through ND4J each of these took several operations on tiny
 * matrices (tens of microseconds each, a fifth of the default run's update).
 */
public final class CategoricalDistribution implements ActionDistribution {
    private final INDArray logits;
    private final int n;
    private final int k;
    /** {@code log p} and {@code p}, row-major {@code N x k}, in double. */
    private final double[] logP;
    private final double[] p;
    private INDArray logProbabilities;
    private INDArray probabilities;

    public CategoricalDistribution(INDArray logits) {
        requireNonNull(logits, "logits is null");
        if (logits.rank() != 2 || logits.columns() < 1) {
            throw new IllegalArgumentException("logits must be N x k, got " + java.util.Arrays.toString(logits.shape()));
        }
        this.logits = logits;
        this.n = logits.rows();
        this.k = logits.columns();
        double[] z = Vectors.toDoubles(logits);
        this.logP = new double[n * k];
        this.p = new double[n * k];
        for (int i = 0; i < n; i++) {
            softmax(z, i * k, k, logP, p);
        }
    }

    public INDArray logits() {
        return logits;
    }

    /** {@code log p}, {@code N x k}, in the logits' data type. */
    public synchronized INDArray logProbabilities() {
        if (logProbabilities == null) {
            logProbabilities = matrix(logP);
        }
        return logProbabilities;
    }

    /** {@code p}, {@code N x k}, in the logits' data type. */
    public synchronized INDArray probabilities() {
        if (probabilities == null) {
            probabilities = matrix(p);
        }
        return probabilities;
    }

    @Override
    public int batchSize() {
        return n;
    }

    @Override
    public int parameterWidth() {
        return k;
    }

    @Override
    public int actionWidth() {
        return 1;
    }

    /** Inverse-CDF sampling, one uniform draw per row. */
    @Override
    public INDArray sample(RandomGenerator random) {
        requireNonNull(random, "random is null");
        double[] actions = new double[n];
        for (int i = 0; i < n; i++) {
            actions[i] = inverseCdf(p, i * k, k, random.nextDouble());
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
        double[] actions = new double[n];
        for (int i = 0; i < n; i++) {
            actions[i] = inverseCdf(p, i * k, k, rowRandoms.get(i).nextDouble());
        }
        return column(actions);
    }

    /** {@code onehot(a) - p} for sampled {@code a}, built in one pass over {@code p} without forming the actions. */
    @Override
    public INDArray sampledLogProbGradient(RandomGenerator random) {
        requireNonNull(random, "random is null");
        int[] actions = new int[n];
        for (int i = 0; i < n; i++) {
            actions[i] = inverseCdf(p, i * k, k, random.nextDouble());
        }
        return matrix(oneHotMinus(p, actions, k));
    }

    @Override
    public INDArray mode() {
        return logits.argMax(1).castTo(logits.dataType()).reshape(logits.rows(), 1);
    }

    @Override
    public INDArray logProb(INDArray actions) {
        int[] a = indices(actions);
        double[] result = new double[n];
        for (int i = 0; i < n; i++) {
            result[i] = logP[i * k + a[i]];
        }
        return column(result);
    }

    @Override
    public INDArray entropy() {
        return column(entropies());
    }

    /** {@code H_i = -sum_j p_ij log p_ij}. */
    private double[] entropies() {
        double[] result = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = i * k; j < (i + 1) * k; j++) {
                sum += p[j] * logP[j];
            }
            result[i] = -sum;
        }
        return result;
    }

    @Override
    public INDArray kl(ActionDistribution other) {
        CategoricalDistribution q = sameKind(other);
        double[] result = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = i * k; j < (i + 1) * k; j++) {
                sum += (logP[j] - q.logP[j]) * p[j];
            }
            result[i] = sum;
        }
        return column(result);
    }

    /** {@code onehot(a) - p}. */
    @Override
    public INDArray logProbGradient(INDArray actions) {
        return matrix(oneHotMinus(p, indices(actions), k));
    }

    /**
     * {@code onehot(a_i) - p_i} per row, {@code N x k} row-major. A loop of its own, apart from the
     * array creation: HotSpot compiled its callers on the stack, with ND4J's creation inlined, about
     * 0.4 s of C2 time per run.
     */
    private static double[] oneHotMinus(double[] p, int[] actions, int k) {
        double[] result = new double[actions.length * k];
        for (int i = 0; i < actions.length; i++) {
            for (int j = 0; j < k; j++) {
                result[i * k + j] = (j == actions[i] ? 1.0 : 0.0) - p[i * k + j];
            }
        }
        return result;
    }

    /** {@code dH/dz_j = -p_j (log p_j + H)}. */
    @Override
    public INDArray entropyGradient() {
        double[] h = entropies();
        double[] result = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int j = i * k; j < (i + 1) * k; j++) {
                result[j] = -(logP[j] + h[i]) * p[j];
            }
        }
        return matrix(result);
    }

    /** {@code (diag(p) - p p^T) t = p o t - p (p . t)} per row. */
    @Override
    public INDArray fisherVectorProduct(INDArray parameterTangent) {
        INDArray t = checkedTangent(parameterTangent);
        INDArray weighted = probabilities().mul(t);
        return weighted.subi(Elementwise.scaleRows(probabilities(), weighted.sum(true, 1), false));
    }

    private INDArray checkedTangent(INDArray tangent) {
        requireNonNull(tangent, "parameterTangent is null");
        if (tangent.rank() != 2 || tangent.rows() != batchSize() || tangent.columns() != parameterWidth()) {
            throw new IllegalArgumentException("parameterTangent must be " + batchSize() + " x " + parameterWidth()
                    + ", got " + java.util.Arrays.toString(tangent.shape()));
        }
        return tangent.castTo(logits.dataType());
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

    /** The actions as indices, each checked to be one in {@code [0, k)}. */
    private int[] indices(INDArray actions) {
        requireNonNull(actions, "actions is null");
        if (actions.rank() != 2 || actions.rows() != n || actions.columns() != 1) {
            throw new IllegalArgumentException("actions must be " + n + " x 1, got "
                    + java.util.Arrays.toString(actions.shape()));
        }
        double[] a = Vectors.toDoubles(actions);
        int[] result = new int[n];
        for (int i = 0; i < n; i++) {
            double v = a[i];
            if (v != Math.rint(v) || v < 0 || v >= k) {
                throw new IllegalArgumentException("action " + v + " in row " + i + " is not an index in [0, " + k + ")");
            }
            result[i] = (int) v;
        }
        return result;
    }

    private INDArray column(double[] values) {
        return Nd4j.create(values, new long[] {values.length, 1}, logits.dataType());
    }

    private INDArray matrix(double[] values) {
        return Nd4j.create(values, new long[] {n, k}, logits.dataType());
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
        softmax(logits, 0, k, null, probabilities);
        return inverseCdf(probabilities, k, random.nextDouble());
    }

    /**
     * {@code log p = z - max z - log sum exp(z - max z)} and {@code p = exp(log p)} of the row
     * {@code z[from .. from + k - 1]}, into the same positions of {@code logP} (unless null) and {@code p}.
     */
    private static void softmax(double[] z, int from, int k, double[] logP, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = from; j < from + k; j++) {
            max = Math.max(max, z[j]);
        }
        double sum = 0;
        for (int j = from; j < from + k; j++) {
            sum += Math.exp(z[j] - max);
        }
        double logNormaliser = Math.log(sum);
        for (int j = from; j < from + k; j++) {
            double l = z[j] - max - logNormaliser;
            if (logP != null) {
                logP[j] = l;
            }
            p[j] = Math.exp(l);
        }
    }

    private static int inverseCdf(double[] p, int k, double u) {
        return inverseCdf(p, 0, k, u);
    }

    /** The index {@code j} whose cumulative probability first exceeds {@code u}, in the row {@code p[offset ..]}. */
    private static int inverseCdf(double[] p, int offset, int k, double u) {
        double cumulative = 0;
        for (int j = 0; j < k; j++) {
            cumulative += p[offset + j];
            if (u < cumulative) {
                return j;
            }
        }
        int last = k - 1;
        while (last > 0 && p[offset + last] == 0) {
            last--;
        }
        return last;
    }

    @Override
    public String toString() {
        return "CategoricalDistribution[" + batchSize() + " x " + parameterWidth() + "]";
    }
}
