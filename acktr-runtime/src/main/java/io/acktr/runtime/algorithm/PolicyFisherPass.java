package io.acktr.runtime.algorithm;

import io.acktr.api.curvature.CurvatureRequirements;
import io.acktr.api.curvature.FisherPass;
import io.acktr.api.curvature.FisherSample;
import io.acktr.api.curvature.FisherTargets;
import io.acktr.api.curvature.FisherVectorProduct;
import io.acktr.api.policy.ActionDistribution;
import io.acktr.api.policy.BackwardPass;
import io.acktr.api.policy.ForwardModePolicy;
import io.acktr.api.policy.ForwardPass;
import io.acktr.api.policy.OutputTangent;
import io.acktr.api.policy.Policy;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Fisher pass of one update over the joint model {@code p(a, v | s) = pi(a|s) N(v; V(s), s^2)},
 * {@code s = 1 / c_vf} ({@code value-fisher-coefficient}): the backward pass of
 * {@code log pi(a'|s) + c_vf log N(v'; V(s), 1)} whose per-layer statistics estimate {@code F}, and,
 * where the estimator asks, the exact Fisher-vector product of the batch.
 *
 * <p>The targets are drawn when the pass is made, on the update's thread, from the update's random
 * stream: {@code a' ~ pi(.|s)} and {@code v' = V(s) + eps/c_vf} for the true Fisher, the batch's own
 * actions and returns for the empirical one. What {@link #run} does later reads only the forward
 * pass and the parameters, so an estimator may run it on another thread.
 */
final class PolicyFisherPass implements FisherPass {
    private final Policy policy;
    private final ForwardPass pass;
    private final INDArray dDistribution;
    private final INDArray dValues;
    private final FisherVectorProduct product;

    private PolicyFisherPass(Policy policy, ForwardPass pass, INDArray dDistribution, INDArray dValues,
                             FisherVectorProduct product) {
        this.policy = policy;
        this.pass = pass;
        this.dDistribution = dDistribution;
        this.dValues = dValues;
        this.product = product;
    }

    /** The pass of {@code batch}, whose forward pass is {@code pass}, with its targets drawn now. */
    static PolicyFisherPass of(Policy policy, ForwardPass pass, Batch batch, CurvatureRequirements needs,
                               double valueFisherCoefficient, RandomGenerator random) {
        FisherVectorProduct product = needs.fisherVectorProducts()
                ? fisherVectorProduct(policy, pass, valueFisherCoefficient) : null;
        if (needs.fisherTargets().isEmpty()) {
            return new PolicyFisherPass(policy, pass, null, null, product);
        }
        ActionDistribution pi = pass.distribution();
        INDArray values = pass.values();
        // d/dV c log N(v; V, 1) = c (v - V): for a sampled v = V + eps that is c eps
        if (needs.fisherTargets().get() == FisherTargets.SAMPLED) {
            return new PolicyFisherPass(policy, pass, pi.sampledLogProbGradient(random),
                    standardNormal(values.rows(), valueFisherCoefficient, values, random), product);
        }
        INDArray dValues = batch.returns().castTo(values.dataType()).sub(values).muli(valueFisherCoefficient);
        return new PolicyFisherPass(policy, pass, pi.logProbGradient(batch.actions()), dValues, product);
    }

    @Override
    public FisherSample run() {
        int n = pass.batchSize();
        if (dDistribution == null) {
            return new FisherSample(List.of(), Map.of(), n, product);
        }
        BackwardPass fisher = policy.backwardStatistics(pass, dDistribution, dValues);
        return product == null
                ? new FisherSample(fisher.layers(), fisher.perSampleGradients(), n)
                : new FisherSample(fisher.layers(), fisher.perSampleGradients(), n, product);
    }

    /**
     * {@code F v = (1/N) sum_i J_i^T H_i J_i v}: forward mode gives {@code J v}, the output
     * distribution's Fisher {@code H} (and {@code c_vf^2} for the critic's Gaussian) weights it,
     * and one backward pass gives {@code J^T}. It reads the forward pass and the parameters, draws
     * nothing and changes nothing (the direction-cosine diagnostic relies on that).
     */
    static FisherVectorProduct fisherVectorProduct(Policy policy, ForwardPass pass, double c) {
        double n = pass.batchSize();
        ForwardModePolicy forwardMode = (ForwardModePolicy) policy; // checked when the update was made
        return vector -> {
            OutputTangent tangent = forwardMode.outputTangent(pass, vector);
            INDArray dDistribution = pass.distribution().fisherVectorProduct(tangent.distribution()).divi(n);
            INDArray dValues = tangent.values().mul(c * c / n);
            return policy.backward(pass, dDistribution, dValues).gradients();
        };
    }

    /** A column of {@code scale * N(0, 1)} draws. */
    private static INDArray standardNormal(long rows, double scale, INDArray like, RandomGenerator random) {
        double[] noise = new double[(int) rows];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = scale * random.nextGaussian();
        }
        return Nd4j.create(noise, new long[] {rows, 1}, like.dataType());
    }
}
