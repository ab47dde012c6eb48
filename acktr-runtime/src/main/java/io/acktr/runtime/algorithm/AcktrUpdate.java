package io.acktr.runtime.algorithm;

import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.CurvatureEstimator;
import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.FisherSample;
import io.acktr.api.curvature.Gradient;
import io.acktr.api.policy.ActionDistribution;
import io.acktr.api.policy.BackwardPass;
import io.acktr.api.policy.ForwardPass;
import io.acktr.api.policy.ParameterBlock;
import io.acktr.api.policy.Policy;
import io.acktr.api.step.StepProposal;
import io.acktr.api.step.StepSizeRule;
import io.acktr.runtime.settings.AlgorithmSettings;
import io.acktr.runtime.settings.FisherTargets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One natural-gradient actor-critic update (Wu et al. 2017), top to bottom:
 * <ol>
 *   <li>forward the batch; back-propagate the A2C loss
 *       {@code L = -mean(A log pi(a|s)) + c_v mean((R - V)^2) - c_e mean(H)};</li>
 *   <li>back-propagate {@code log pi(a'|s) + c_vf log N(v'; V(s), 1)} with {@code a'} and
 *       {@code v'} sampled from the model, and give its layer statistics to the curvature estimator;</li>
 *   <li>precondition the gradient, {@code Delta = F_hat^{-1} grad};</li>
 *   <li>let the step-size rule scale it (e.g. the KL trust region) and apply it;</li>
 *   <li>measure the KL between the old and the new policy on the batch.</li>
 * </ol>
 * Which curvature and which step rule is the configuration's choice; this class does not know.
 */
public final class AcktrUpdate {
    private final Policy policy;
    private final CurvatureEstimator curvature;
    private final StepSizeRule stepSizeRule;
    private final AlgorithmSettings settings;
    private final RandomGenerator random;

    public AcktrUpdate(Policy policy, CurvatureEstimator curvature, StepSizeRule stepSizeRule, AlgorithmSettings settings,
                       RandomGenerator random) {
        this.policy = requireNonNull(policy, "policy is null");
        this.curvature = requireNonNull(curvature, "curvature is null");
        this.stepSizeRule = requireNonNull(stepSizeRule, "stepSizeRule is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.random = requireNonNull(random, "random is null");
    }

    public Policy policy() {
        return policy;
    }

    /**
     * @param progress fraction of the run's step budget spent before this update, for schedules
     */
    public UpdateResult update(Batch batch, double progress) {
        int n = batch.size();
        ForwardPass pass = policy.forward(batch.observations());
        ActionDistribution pi = pass.distribution();
        INDArray values = pass.values();
        INDArray advantages = batch.advantages().castTo(values.dataType());
        if (settings.normalizeAdvantages()) {
            advantages = advantages.sub(advantages.meanNumber()).divi(advantages.stdNumber().doubleValue() + 1e-8);
        }
        INDArray returns = batch.returns().castTo(values.dataType());

        // 1. Gradient of the A2C loss with respect to the outputs, then the parameters.
        INDArray logProb = pi.logProb(batch.actions());
        INDArray entropy = pi.entropy();
        INDArray valueError = values.sub(returns);
        double policyLoss = -logProb.mul(advantages).meanNumber().doubleValue();
        double valueLoss = valueError.mul(valueError).meanNumber().doubleValue();
        double meanEntropy = entropy.meanNumber().doubleValue();
        INDArray dDistribution = pi.logProbGradient(batch.actions()).muliColumnVector(advantages.mul(-1.0 / n))
                .subi(pi.entropyGradient().muli(settings.entropyCoefficient() / n));
        INDArray dValues = valueError.mul(2 * settings.valueCoefficient() / n);
        BackwardPass loss = policy.backward(pass, dDistribution, dValues);
        Map<String, String> groups = new LinkedHashMap<>();
        policy.parameters().forEach(block -> groups.put(block.name(), block.group()));
        Gradient gradient = new Gradient(loss.gradients(), groups);

        // 2. Fisher pass: per-sample gradients of the model's log-likelihood of its own samples.
        if (curvature.needsFisherSample()) {
            curvature.observe(fisherSample(pass, batch));
        }

        // 3-4. Natural-gradient direction and step size.
        Direction direction = curvature.precondition(gradient);
        if (!direction.isFinite()) {
            String culprit = direction.firstNonFiniteBlock().map(b -> "the direction of parameter block " + b)
                    .orElse("the quadratic form Delta^T F Delta");
            return new UpdateResult(false, policyLoss, valueLoss, meanEntropy, Double.NaN, Double.NaN, 0,
                    culprit + " is NaN or Inf (" + curvature.name() + " curvature)");
        }
        stepSizeRule.observeProgress(progress);
        StepProposal step = stepSizeRule.propose(direction, gradient);
        for (ParameterBlock block : policy.parameters()) {
            INDArray delta = step.delta().get(block.name());
            if (delta != null) {
                block.value().addi(delta.castTo(block.value().dataType()));
            }
        }

        // 5. What the step did on this batch: the policy's KL, and the joint model's for the step rule.
        ForwardPass after = policy.forward(batch.observations());
        double kl = pi.kl(after.distribution()).meanNumber().doubleValue();
        INDArray valueChange = after.values().sub(values);
        // KL(N(V, s^2) || N(V', s^2)) = (V - V')^2 / (2 s^2), with s = 1 / value-fisher-coefficient
        double c = settings.valueFisherCoefficient();
        stepSizeRule.observeMeasuredKl(kl + 0.5 * c * c * valueChange.mul(valueChange).meanNumber().doubleValue());
        return new UpdateResult(true, policyLoss, valueLoss, meanEntropy, kl, step.predictedKl(), step.stepSize(), "");
    }

    private FisherSample fisherSample(ForwardPass pass, Batch batch) {
        ActionDistribution pi = pass.distribution();
        INDArray values = pass.values();
        INDArray targetActions;
        INDArray targetValues;
        if (settings.fisherTargets() == FisherTargets.SAMPLED) {
            targetActions = pi.sample(random);
            targetValues = values.add(standardNormal(values.rows(), values));
        } else {
            targetActions = batch.actions();
            targetValues = batch.returns().castTo(values.dataType());
        }
        // d/dV log N(v; V, 1) = v - V
        INDArray dValues = targetValues.subi(values).muli(settings.valueFisherCoefficient());
        BackwardPass fisher = policy.backward(pass, pi.logProbGradient(targetActions), dValues);
        return new FisherSample(fisher.layers(), fisher.perSampleGradients(), pass.batchSize());
    }

    private INDArray standardNormal(long rows, INDArray like) {
        double[] noise = new double[(int) rows];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextGaussian();
        }
        return Nd4j.create(noise, new long[] {rows, 1}, like.dataType());
    }
}
