package io.acktr.runtime.algorithm;

import io.acktr.api.policy.ActionDistribution;
import io.acktr.api.policy.ForwardPass;
import io.acktr.runtime.settings.AlgorithmSettings;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The A2C loss of one batch, {@code L = -mean(A log pi(a|s)) + c_v mean((R - V)^2) - c_e mean(H)},
 * for any forward pass of the batch's observations: the update evaluates it before and after a step
 * and back-propagates it. The targets (actions, advantages, returns) are in the policy's data type,
 * the advantages normalised when the settings ask.
 */
final class A2cLoss {
    /** The loss terms of one forward pass. */
    record Terms(double policy, double value, double entropy, double total) {
    }

    private final INDArray actions;
    private final INDArray advantages;
    private final INDArray returns;
    private final double entropyCoefficient;
    private final double valueCoefficient;

    private A2cLoss(INDArray actions, INDArray advantages, INDArray returns, AlgorithmSettings settings) {
        this.actions = actions;
        this.advantages = advantages;
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
        return new A2cLoss(batch.actions(), advantages, batch.returns().castTo(values.dataType()), settings);
    }

    Terms terms(ForwardPass pass) {
        ActionDistribution pi = pass.distribution();
        double policyLoss = -pi.logProb(actions).mul(advantages).meanNumber().doubleValue();
        INDArray valueError = pass.values().sub(returns);
        double valueLoss = valueError.mul(valueError).meanNumber().doubleValue();
        double entropy = pi.entropy().meanNumber().doubleValue();
        return new Terms(policyLoss, valueLoss, entropy,
                policyLoss + valueCoefficient * valueLoss - entropyCoefficient * entropy);
    }

    /** {@code dL / d(distribution parameters)} at {@code pass}. */
    INDArray distributionGradient(ForwardPass pass) {
        ActionDistribution pi = pass.distribution();
        double n = pass.batchSize();
        return pi.logProbGradient(actions).muliColumnVector(advantages.mul(-1.0 / n))
                .subi(pi.entropyGradient().muli(entropyCoefficient / n));
    }

    /** {@code dL / dV} at {@code pass}. */
    INDArray valueGradient(ForwardPass pass) {
        return pass.values().sub(returns).muli(2 * valueCoefficient / pass.batchSize());
    }

    /**
     * The KL of the joint model {@code p(a, v | s)} between two passes, averaged over the batch:
     * the policy's KL plus {@code KL(N(V, s^2) || N(V', s^2)) = (V - V')^2 / (2 s^2)} with
     * {@code s = 1 / valueFisherCoefficient}.
     */
    static double jointKl(ForwardPass before, ForwardPass after, double valueFisherCoefficient) {
        double kl = before.distribution().kl(after.distribution()).meanNumber().doubleValue();
        INDArray valueChange = after.values().sub(before.values());
        double c = valueFisherCoefficient;
        return kl + 0.5 * c * c * valueChange.mul(valueChange).meanNumber().doubleValue();
    }
}
