package io.acktr.runtime.algorithm;

import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.CurvatureEstimator;
import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.FisherSample;
import io.acktr.api.curvature.FisherTargets;
import io.acktr.api.curvature.FisherVectorProduct;
import io.acktr.api.curvature.Gradient;
import io.acktr.api.curvature.StepOutcome;
import io.acktr.api.policy.ActionDistribution;
import io.acktr.api.policy.BackwardPass;
import io.acktr.api.policy.ForwardPass;
import io.acktr.api.policy.OutputTangent;
import io.acktr.api.policy.ParameterBlock;
import io.acktr.api.policy.Policy;
import io.acktr.api.step.StepEvaluator;
import io.acktr.api.step.StepProposal;
import io.acktr.api.step.StepSizeRule;
import io.acktr.runtime.settings.AlgorithmSettings;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One natural-gradient actor-critic update (Wu et al. 2017), top to bottom:
 * <ol>
 *   <li>forward the batch; give the curvature estimator the backward pass of
 *       {@code log pi(a'|s) + c_vf log N(v'; V(s), 1)} with {@code a'} and {@code v'} sampled from
 *       the model (the batch's own for the empirical Fisher), for its layer statistics or exact
 *       Fisher-vector products; the targets are drawn here, and the estimator runs the pass now or,
 *       with background statistics, on another thread during the next step;</li>
 *   <li>back-propagate the A2C loss {@code L = -mean(A log pi(a|s)) + c_v mean((R - V)^2) - c_e mean(H)};</li>
 *   <li>precondition the gradient, {@code Delta = F_hat^{-1} grad};</li>
 *   <li>let the step-size rule scale it (e.g. the KL trust region, or a line search that tries
 *       candidates on the batch) and apply it;</li>
 *   <li>measure the KL between the old and the new model and the loss change on the batch, and
 *       report both back (step rules adapt to the KL, damping to the loss change).</li>
 * </ol>
 * Which curvature and which step rule is the configuration's choice; this class does not know.
 */
public final class AcktrUpdate {
    private final Policy policy;
    private final CurvatureEstimator curvature;
    private final StepSizeRule stepSizeRule;
    private final AlgorithmSettings settings;
    private final RandomGenerator random;
    /** The observations of the last update in the policy's type; see {@link #inPolicyType}. */
    private INDArray castObservations;
    /** Updates made, this one included: the step is measured every {@code measure-step-interval} of them. */
    private long updates;

    public AcktrUpdate(Policy policy, CurvatureEstimator curvature, StepSizeRule stepSizeRule, AlgorithmSettings settings,
                       RandomGenerator random) {
        this.policy = requireNonNull(policy, "policy is null");
        this.curvature = requireNonNull(curvature, "curvature is null");
        this.stepSizeRule = requireNonNull(stepSizeRule, "stepSizeRule is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.random = requireNonNull(random, "random is null");
        if (curvature.needsFisherVectorProducts() && !policy.supportsOutputTangent()) {
            throw new IllegalArgumentException("curvature " + curvature.name() + " needs exact Fisher-vector products,"
                    + " but policy " + policy.getClass().getSimpleName() + " has no forward mode (outputTangent)");
        }
    }

    public Policy policy() {
        return policy;
    }

    /** The batch's targets in the policy's data type: what every loss evaluation of one update shares. */
    private record Targets(INDArray actions, INDArray advantages, INDArray returns) {
    }

    /** The A2C loss terms of one forward pass. */
    private record Loss(double policy, double value, double entropy, double total) {
    }

    /**
     * @param progress fraction of the run's step budget spent before this update, for schedules
     */
    public UpdateResult update(Batch batch, double progress) {
        updates++;
        batch = inPolicyType(batch);
        ForwardPass pass = policy.forward(batch.observations());
        UpdateResult result = update(batch, progress, pass);
        // The curvature estimator has observed the pass; what it keeps, it retained. (Not after an
        // exception: a deferred Fisher pass may still be reading it, so it is left to the collector.)
        pass.release();
        return result;
    }

    private UpdateResult update(Batch batch, double progress, ForwardPass pass) {
        int n = batch.size();
        ActionDistribution pi = pass.distribution();
        Targets targets = targets(batch, pass.values());
        Loss before = loss(pass, targets);

        // 1. Curvature statistics of this batch (the pass may run beside step 2).
        if (curvature.needsFisherSample() || curvature.needsFisherVectorProducts()) {
            curvature.observeDeferred(fisherPass(pass, batch));
        }

        // 2. Gradient of the A2C loss with respect to the outputs, then the parameters (each block
        //    told to the curvature estimator as soon as it is final).
        INDArray dDistribution = pi.logProbGradient(targets.actions()).muliColumnVector(targets.advantages().mul(-1.0 / n))
                .subi(pi.entropyGradient().muli(settings.entropyCoefficient() / n));
        INDArray dValues = pass.values().sub(targets.returns()).muli(2 * settings.valueCoefficient() / n);
        BackwardPass loss = policy.backward(pass, dDistribution, dValues, curvature::gradientReady);
        Map<String, String> groups = new LinkedHashMap<>();
        policy.parameters().forEach(block -> groups.put(block.name(), block.group()));
        Gradient gradient = new Gradient(loss.gradients(), groups);

        // 3-4. Natural-gradient direction, step size, step.
        Direction direction = curvature.precondition(gradient);
        if (!direction.isFinite()) {
            String culprit = direction.firstNonFiniteBlock().map(b -> "the direction of parameter block " + b)
                    .orElse("the quadratic form Delta^T F Delta");
            return new UpdateResult(false, before.policy(), before.value(), before.entropy(), Double.NaN, Double.NaN, 0,
                    culprit + " is NaN or Inf (" + curvature.name() + " curvature)");
        }
        stepSizeRule.observeProgress(progress);
        StepProposal step = stepSizeRule.propose(direction, gradient, delta -> tryStep(delta, batch, pass, targets, before));
        apply(step.delta());

        // 5. What the step did on this batch, when a rule adapts to it or the interval asks for it.
        double kl = Double.NaN;
        if (measuresThisUpdate()) {
            ForwardPass after = policy.forward(batch.observations());
            double lossChange;
            try {
                kl = pi.kl(after.distribution()).meanNumber().doubleValue();
                stepSizeRule.observeMeasuredKl(jointKl(pass, after));
                lossChange = loss(after, targets).total() - before.total();
            } finally {
                after.release();
            }
            double predictedChange = gradient.dot(step.delta()) + step.predictedKl();
            curvature.observeStepOutcome(new StepOutcome(lossChange, predictedChange));
        }
        return new UpdateResult(true, before.policy(), before.value(), before.entropy(), kl, step.predictedKl(),
                step.stepSize(), "");
    }

    /** Whether this update (counted from 1) measures its step: the rules need it, or the interval has come round. */
    private boolean measuresThisUpdate() {
        int interval = settings.measureStepInterval();
        return stepSizeRule.needsMeasuredKl() || curvature.needsStepOutcome()
                || (interval > 0 && updates % interval == 0);
    }

    /**
     * The batch with its observations in the parameters' data type, cast once for the update's
     * several forward passes, into the array the previous update used when the shape is the same:
     * nothing reads an update's observations once it returns (a pass's layers copy them).
     */
    private Batch inPolicyType(Batch batch) {
        List<ParameterBlock> blocks = policy.parameters();
        INDArray observations = batch.observations();
        if (blocks.isEmpty() || observations.dataType() == blocks.get(0).value().dataType()) {
            return batch;
        }
        DataType type = blocks.get(0).value().dataType();
        if (castObservations == null || castObservations.dataType() != type
                || !Arrays.equals(castObservations.shape(), observations.shape())) {
            castObservations = Nd4j.createUninitialized(type, observations.shape(), 'c');
        }
        castObservations.assign(observations);
        return new Batch(castObservations, batch.actions(), batch.advantages(), batch.returns());
    }

    private Targets targets(Batch batch, INDArray values) {
        INDArray advantages = batch.advantages().castTo(values.dataType());
        if (settings.normalizeAdvantages()) {
            advantages = advantages.sub(advantages.meanNumber()).divi(advantages.stdNumber().doubleValue() + 1e-8);
        }
        return new Targets(batch.actions(), advantages, batch.returns().castTo(values.dataType()));
    }

    private Loss loss(ForwardPass pass, Targets targets) {
        ActionDistribution pi = pass.distribution();
        double policyLoss = -pi.logProb(targets.actions()).mul(targets.advantages()).meanNumber().doubleValue();
        INDArray valueError = pass.values().sub(targets.returns());
        double valueLoss = valueError.mul(valueError).meanNumber().doubleValue();
        double entropy = pi.entropy().meanNumber().doubleValue();
        return new Loss(policyLoss, valueLoss, entropy,
                policyLoss + settings.valueCoefficient() * valueLoss - settings.entropyCoefficient() * entropy);
    }

    /**
     * The KL of the joint model {@code p(a, v | s)} between two passes, averaged over the batch:
     * the policy's KL plus {@code KL(N(V, s^2) || N(V', s^2)) = (V - V')^2 / (2 s^2)} with
     * {@code s = 1 / value-fisher-coefficient}.
     */
    private double jointKl(ForwardPass before, ForwardPass after) {
        double kl = before.distribution().kl(after.distribution()).meanNumber().doubleValue();
        INDArray valueChange = after.values().sub(before.values());
        double c = settings.valueFisherCoefficient();
        return kl + 0.5 * c * c * valueChange.mul(valueChange).meanNumber().doubleValue();
    }

    /** A line search's candidate: applied, measured and undone by restoring the saved parameters. */
    private StepEvaluator.Evaluation tryStep(Map<String, INDArray> delta, Batch batch, ForwardPass pass, Targets targets,
                                             Loss before) {
        List<INDArray> saved = policy.parameters().stream().map(b -> b.value().dup()).toList();
        try {
            apply(delta);
            ForwardPass candidate = policy.forward(batch.observations());
            try {
                return new StepEvaluator.Evaluation(before.total() - loss(candidate, targets).total(),
                        jointKl(pass, candidate));
            } finally {
                candidate.release();
            }
        } finally {
            List<ParameterBlock> blocks = policy.parameters();
            for (int i = 0; i < blocks.size(); i++) {
                blocks.get(i).value().assign(saved.get(i));
            }
        }
    }

    private void apply(Map<String, INDArray> delta) {
        for (ParameterBlock block : policy.parameters()) {
            INDArray d = delta.get(block.name());
            if (d != null) {
                block.value().addi(d.castTo(block.value().dataType()));
            }
        }
    }

    /** The Fisher pass of this batch with its targets drawn now: what is left reads only {@code pass} and the parameters. */
    private Supplier<FisherSample> fisherPass(ForwardPass pass, Batch batch) {
        int n = pass.batchSize();
        if (!curvature.needsFisherSample()) {
            FisherVectorProduct product = fisherVectorProduct(pass);
            return () -> new FisherSample(List.of(), Map.of(), n, product);
        }
        ActionDistribution pi = pass.distribution();
        INDArray values = pass.values();
        INDArray dDistribution;
        INDArray dValues;
        // d/dV c log N(v; V, 1) = c (v - V): for a sampled v = V + eps that is c eps
        if (curvature.fisherTargets() == FisherTargets.SAMPLED) {
            dDistribution = pi.sampledLogProbGradient(random);
            dValues = standardNormal(values.rows(), settings.valueFisherCoefficient(), values);
        } else {
            dDistribution = pi.logProbGradient(batch.actions());
            dValues = batch.returns().castTo(values.dataType()).sub(values).muli(settings.valueFisherCoefficient());
        }
        FisherVectorProduct product = curvature.needsFisherVectorProducts() ? fisherVectorProduct(pass) : null;
        return () -> {
            BackwardPass fisher = policy.backwardStatistics(pass, dDistribution, dValues);
            return product == null
                    ? new FisherSample(fisher.layers(), fisher.perSampleGradients(), n)
                    : new FisherSample(fisher.layers(), fisher.perSampleGradients(), n, product);
        };
    }

    /**
     * {@code F v = (1/N) sum_i J_i^T H_i J_i v}: forward mode gives {@code J v}, the output
     * distribution's Fisher {@code H} (and {@code c_vf^2} for the critic's Gaussian) weights it,
     * and one backward pass gives {@code J^T}.
     */
    private FisherVectorProduct fisherVectorProduct(ForwardPass pass) {
        double n = pass.batchSize();
        double c = settings.valueFisherCoefficient();
        return vector -> {
            OutputTangent tangent = policy.outputTangent(pass, vector);
            INDArray dDistribution = pass.distribution().fisherVectorProduct(tangent.distribution()).divi(n);
            INDArray dValues = tangent.values().mul(c * c / n);
            return policy.backward(pass, dDistribution, dValues).gradients();
        };
    }

    /** A column of {@code scale * N(0, 1)} draws. */
    private INDArray standardNormal(long rows, double scale, INDArray like) {
        double[] noise = new double[(int) rows];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = scale * random.nextGaussian();
        }
        return Nd4j.create(noise, new long[] {rows, 1}, like.dataType());
    }
}
