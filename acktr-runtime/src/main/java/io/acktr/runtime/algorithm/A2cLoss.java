package io.acktr.runtime.algorithm;

import io.acktr.api.policy.ActionDistribution;
import io.acktr.api.policy.ForwardPass;
import io.acktr.numerics.Elementwise;
import io.acktr.runtime.settings.AlgorithmSettings;
import io.acktr.numerics.Vectors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The A2C loss of one batch, {@code L = -mean(A log pi(a|s)) + c_v mean((R - V)^2) - c_e mean(H)},
 * for any forward pass of the batch's observations: the update evaluates it before and after a step
 * and back-propagates it. The targets (actions, advantages, returns) are in the policy's data type,
 * the advantages normalised when the settings ask. The sums over the batch's columns run in plain
 * loops in double: through ND4J each was several operations on an {@code N x 1} array of tens of
 * microseconds each.
 */
final class A2cLoss {
    /** The loss terms of one forward pass. */
    record Terms(double policy, double value, double entropy, double total) {
    }

    private final INDArray actions;
    /** The advantages as an {@code N x 1} column of the policy's type, and their values. */
    private final INDArray advantageColumn;
    private final double[] advantages;
    private final double[] returns;
    private final double entropyCoefficient;
    private final double valueCoefficient;

    private A2cLoss(INDArray actions, INDArray advantageColumn, double[] returns, AlgorithmSettings settings) {
        this.actions = actions;
        this.advantageColumn = advantageColumn;
        this.advantages = column(advantageColumn);
        this.returns = returns;
        this.entropyCoefficient = settings.entropyCoefficient();
        this.valueCoefficient = settings.valueCoefficient();
    }

    /** The loss of {@code batch}, with its targets cast to the type of the values {@code pass} computed. */
    static A2cLoss of(Batch batch, ForwardPass pass, AlgorithmSettings settings) {
        INDArray values = pass.values();
        INDArray advantages = batch.advantages().castTo(values.dataType());
        if (settings.normalizeAdvantages()) {
            advantages = advantages.sub(advantages.meanNumber()).divi(advantages.stdNumber().doubleValue() + 1e-8);
        }
        return new A2cLoss(batch.actions(), advantages, inType(batch.returns(), values.dataType()), settings);
    }

    /**
     * The column's values rounded to {@code type} as {@code castTo} rounds them (to nearest), read
     * out in double: for float or double in Java, without a cast array.
     */
    private static double[] inType(INDArray x, DataType type) {
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            return column(x.castTo(type));
        }
        double[] values = column(x);
        if (type == DataType.FLOAT && x.dataType() != DataType.FLOAT) {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) values[i];
            }
        }
        return values;
    }

    Terms terms(ForwardPass pass) {
        ActionDistribution pi = pass.distribution();
        return terms(column(pi.logProb(actions)), column(pass.values()), column(pi.entropy()));
    }

    /**
     * The loss terms from the batch's log-probabilities, values and entropies. The loop is a method of
     * its own, apart from the distribution's and ND4J's calls above: compiled with them inlined, it
     * took HotSpot's C2 thread about 0.36 s of a 100,000-step run.
     */
    private Terms terms(double[] logProb, double[] values, double[] entropy) {
        int n = values.length;
        double policySum = 0;
        double valueSum = 0;
        double entropySum = 0;
        for (int i = 0; i < n; i++) {
            policySum += logProb[i] * advantages[i];
            double error = values[i] - returns[i];
            valueSum += error * error;
            entropySum += entropy[i];
        }
        double policyLoss = -policySum / n;
        double valueLoss = valueSum / n;
        double meanEntropy = entropySum / n;
        return new Terms(policyLoss, valueLoss, meanEntropy,
                policyLoss + valueCoefficient * valueLoss - entropyCoefficient * meanEntropy);
    }

    /** {@code dL / d(distribution parameters)} at {@code pass}. */
    INDArray distributionGradient(ForwardPass pass) {
        ActionDistribution pi = pass.distribution();
        double n = pass.batchSize();
        INDArray gradient = Elementwise.scaleRows(pi.logProbGradient(actions), advantageColumn.mul(-1.0 / n), true);
        // without an entropy bonus its gradient is not computed: subtracting zero times it changes nothing
        if (entropyCoefficient != 0) {
            Vectors.subtractScaled(gradient, entropyCoefficient / n, pi.entropyGradient());
        }
        return gradient;
    }

    /** {@code dL / dV} at {@code pass}. */
    INDArray valueGradient(ForwardPass pass) {
        INDArray values = pass.values();
        double[] v = column(values);
        double scale = 2 * valueCoefficient / pass.batchSize();
        for (int i = 0; i < v.length; i++) {
            v[i] = (v[i] - returns[i]) * scale;
        }
        return Nd4j.create(v, new long[] {v.length, 1}, values.dataType());
    }

    /**
     * The KL of the joint model {@code p(a, v | s)} between two passes, averaged over the batch:
     * the policy's KL plus {@code KL(N(V, s^2) || N(V', s^2)) = (V - V')^2 / (2 s^2)} with
     * {@code s = 1 / valueFisherCoefficient}.
     */
    static double jointKl(ForwardPass before, ForwardPass after, double valueFisherCoefficient) {
        double[] kl = column(before.distribution().kl(after.distribution()));
        double[] v = column(before.values());
        double[] w = column(after.values());
        double klSum = 0;
        double squares = 0;
        for (int i = 0; i < v.length; i++) {
            klSum += kl[i];
            squares += (w[i] - v[i]) * (w[i] - v[i]);
        }
        double c = valueFisherCoefficient;
        return klSum / kl.length + 0.5 * c * c * squares / v.length;
    }

    /** The entries of an {@code N x 1} column (or any array, row-major), in double. */
    private static double[] column(INDArray x) {
        double[] values = new double[(int) x.length()];
        Vectors.read(x, values, 0);
        return values;
    }
}
