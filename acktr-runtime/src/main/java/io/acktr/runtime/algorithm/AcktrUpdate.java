package io.acktr.runtime.algorithm;

import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.CurvatureEstimator;
import io.acktr.api.curvature.CurvatureRequirements;
import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.FisherVectorProduct;
import io.acktr.api.curvature.Gradient;
import io.acktr.api.curvature.GradientBlockListener;
import io.acktr.api.policy.ForwardModePolicy;
import io.acktr.api.policy.ForwardPass;
import io.acktr.api.policy.ParameterBlock;
import io.acktr.api.policy.Policy;
import io.acktr.api.step.StepEvaluator;
import io.acktr.api.step.StepFeedback;
import io.acktr.api.step.StepFeedbackListener;
import io.acktr.api.step.StepProposal;
import io.acktr.api.step.StepRequest;
import io.acktr.api.step.StepSizeRule;
import io.acktr.runtime.settings.AlgorithmSettings;
import io.acktr.runtime.settings.DirectionCosineSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import io.acktr.api.state.ResumableRandom;
import io.acktr.api.state.SavedState;
import io.acktr.api.state.Stateful;
import io.acktr.numerics.Vectors;
import java.util.stream.Stream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One natural-gradient actor-critic update (Wu et al. 2017), top to bottom:
 * <ol>
 *   <li>forward the batch and hand the curvature estimator this batch's Fisher pass
 *       ({@link PolicyFisherPass}), which it runs now or beside step 2;</li>
 *   <li>back-propagate the A2C loss ({@link A2cLoss}) to the gradient {@code grad};</li>
 *   <li>precondition it, {@code Delta = F_hat^{-1} grad} (every {@code direction-cosine.interval}
 *       updates, also measure its cosine with the exact {@code (F + lambda I)^{-1} grad},
 *       {@link DirectionCosine});</li>
 *   <li>let the step-size rule scale it (e.g. the KL trust region, or a line search that tries
 *       candidates on the batch) and apply it;</li>
 *   <li>measure the KL between the old and the new model and the loss change on the batch, and
 *       tell the plugins that listen.</li>
 * </ol>
 * Which curvature and which step rule is the configuration's choice; what they need from an update
 * they declare once, when it is built.
 */
public final class AcktrUpdate {
    private static final GradientBlockListener NO_LISTENER = (block, gradient) -> { };

    private final Policy policy;
    private final CurvatureEstimator curvature;
    private final StepSizeRule stepSizeRule;
    private final AlgorithmSettings settings;
    private RandomGenerator random;
    private final CurvatureRequirements needs;
    private final GradientBlockListener blockListener;
    private final List<StepFeedbackListener> feedbackListeners;
    private final boolean feedbackEveryUpdate;
    /** The step rule sizes the step with the exact Fisher of the batch (e.g. the trust region's exact quadratic form). */
    private final boolean stepNeedsFisher;
    private final ObservationCast observations = new ObservationCast();
    private final DirectionCosine directionCosine;
    /** Updates made, this one included: the step is measured every {@code measure-step-interval} of them. */
    private long updates;

    /** An update without the direction-cosine diagnostic. */
    public AcktrUpdate(Policy policy, CurvatureEstimator curvature, StepSizeRule stepSizeRule, AlgorithmSettings settings,
                       RandomGenerator random) {
        this(policy, curvature, stepSizeRule, settings, random, null);
    }

    /**
     * @param directionCosine the curvature-quality diagnostic's settings; null: off
     */
    public AcktrUpdate(Policy policy, CurvatureEstimator curvature, StepSizeRule stepSizeRule, AlgorithmSettings settings,
                       RandomGenerator random, DirectionCosineSettings directionCosine) {
        this.policy = requireNonNull(policy, "policy is null");
        this.curvature = requireNonNull(curvature, "curvature is null");
        this.stepSizeRule = requireNonNull(stepSizeRule, "stepSizeRule is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.random = requireNonNull(random, "random is null");
        this.needs = requireNonNull(curvature.requirements(), "curvature requirements are null");
        this.stepNeedsFisher = stepSizeRule.needsFisherVectorProducts();
        requireForwardMode(needs.fisherVectorProducts(), "curvature " + curvature.name());
        requireForwardMode(stepNeedsFisher, "step-size rule " + stepSizeRule.name());
        this.blockListener = curvature instanceof GradientBlockListener l ? l : NO_LISTENER;
        this.feedbackListeners = Stream.of(stepSizeRule, curvature).filter(StepFeedbackListener.class::isInstance)
                .map(StepFeedbackListener.class::cast).toList();
        this.feedbackEveryUpdate = needs.feedbackEveryUpdate() || stepSizeRule.needsFeedbackEveryUpdate();
        this.directionCosine = directionCosine == null ? DirectionCosine.off() : DirectionCosine.of(directionCosine, policy);
    }

    /** Exact Fisher-vector products need the policy's forward mode; {@code who} asked for them when {@code needed}. */
    private void requireForwardMode(boolean needed, String who) {
        if (needed && !(policy instanceof ForwardModePolicy)) {
            throw new IllegalArgumentException(who + " needs exact Fisher-vector products, but policy "
                    + policy.getClass().getSimpleName() + " has no forward mode (outputTangent)");
        }
    }

    public Policy policy() {
        return policy;
    }

    /** The components of the update's saved state: its own, the curvature estimator's and the step rule's. */
    public static final String UPDATE = "update";
    public static final String CURVATURE = "curvature";
    public static final String STEP_SIZE = "step-size";

    /**
     * What a resumed run needs of the update, between two updates: its count and the Fisher pass's
     * random generator ({@link #UPDATE}, when it is a {@link ResumableRandom}), and the state of the
     * curvature estimator and of the step rule when they are {@link Stateful} (else they start afresh).
     */
    public Map<String, SavedState> saveState() {
        Map<String, SavedState> state = new LinkedHashMap<>();
        SavedState own = SavedState.empty().with("updates", updates);
        if (random instanceof ResumableRandom resumable) {
            own = own.withLongs("random", resumable.state());
        }
        state.put(UPDATE, own);
        if (curvature instanceof Stateful stateful) {
            state.put(CURVATURE, stateful.saveState());
        }
        if (stepSizeRule instanceof Stateful stateful) {
            state.put(STEP_SIZE, stateful.saveState());
        }
        return state;
    }

    /**
     * Takes back what {@link #saveState()} gave, before the first update.
     *
     * @throws IllegalArgumentException naming the component whose state does not fit
     */
    public void restoreState(Map<String, SavedState> state) {
        SavedState own = component(state, UPDATE);
        try {
            if (own.hasArray("random")) {
                random = ResumableRandom.of(own.longs("random"));
            }
            updates = own.whole("updates");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the update's state: " + e.getMessage(), e);
        }
        restore(curvature, curvature.name(), state.get(CURVATURE), "curvature estimator");
        restore(stepSizeRule, stepSizeRule.name(), state.get(STEP_SIZE), "step-size rule");
    }

    /**
     * Puts the curvature estimator's and the step rule's saved state back (a rollback: the update's
     * count and random generator go on).
     */
    public void restoreCurvatureAndStepRule(Map<String, SavedState> state) {
        restore(curvature, curvature.name(), state.get(CURVATURE), "curvature estimator");
        restore(stepSizeRule, stepSizeRule.name(), state.get(STEP_SIZE), "step-size rule");
    }

    private static void restore(Object component, String name, SavedState saved, String what) {
        if (component instanceof Stateful stateful && saved != null) {
            try {
                stateful.restoreState(saved);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("the state of the " + what + " " + name + " does not fit: " + e.getMessage(), e);
            }
        }
    }

    private static SavedState component(Map<String, SavedState> state, String name) {
        SavedState saved = state.get(name);
        if (saved == null) {
            throw new IllegalArgumentException("the training state lacks its \"" + name + "\" part; it has " + state.keySet());
        }
        return saved;
    }

    /**
     * @param progress fraction of the run's step budget spent before this update, for schedules
     */
    public UpdateResult update(Batch batch, double progress) {
        updates++;
        batch = observations.inPolicyType(batch, policy);
        ForwardPass pass = policy.forward(batch.observations());
        UpdateResult result = update(batch, progress, pass);
        // The curvature estimator has run the Fisher pass; what it keeps, it retained. (Not after an
        // exception: a Fisher pass on another thread may still be reading it, so it is left to the collector.)
        pass.release();
        return result;
    }

    private UpdateResult update(Batch batch, double progress, ForwardPass pass) {
        A2cLoss loss = A2cLoss.of(batch, pass, settings);
        A2cLoss.Terms before = loss.terms(pass);

        // 1. Curvature statistics of this batch (the estimator may run the pass beside step 2).
        if (needs.needsFisherPass()) {
            curvature.observe(PolicyFisherPass.of(policy, pass, batch, needs, settings.valueFisherCoefficient(), random));
        }

        // 2. Gradient of the A2C loss (each block told to a listening estimator as soon as it is final).
        Map<String, INDArray> blocks = policy.gradients(pass, loss.distributionGradient(pass), loss.valueGradient(pass),
                blockListener::gradientReady);
        Map<String, String> groups = new LinkedHashMap<>();
        policy.parameters().forEach(block -> groups.put(block.name(), block.group()));
        Gradient gradient = new Gradient(blocks, groups);

        // 3. Natural-gradient direction.
        Direction direction = curvature.precondition(gradient);
        if (!isFinite(direction)) {
            String culprit = direction.firstNonFiniteBlock().map(b -> "the direction of parameter block " + b)
                    .orElse("the quadratic form Delta^T F Delta");
            return new UpdateResult(false, before.policy(), before.value(), before.entropy(), Double.NaN, Double.NaN, 0,
                    culprit + " is NaN or Inf (" + curvature.name() + " curvature)", Double.NaN, Double.NaN);
        }
        // Every direction-cosine.interval updates: cos(Delta, (F + lambda I)^{-1} grad), F this batch's exact Fisher.
        DirectionCosine.Measurement cosine = directionCosine.measures(updates)
                ? directionCosine.measure(policy, pass, gradient, direction, settings.valueFisherCoefficient())
                : DirectionCosine.Measurement.NONE;

        // 4. Step size and step.
        StepEvaluator evaluator = delta -> tryStep(delta, batch, pass, loss, before);
        Optional<FisherVectorProduct> fisher = stepNeedsFisher
                ? Optional.of(PolicyFisherPass.fisherVectorProduct(policy, pass, settings.valueFisherCoefficient()))
                : Optional.empty();
        StepProposal step = stepSizeRule.propose(new StepRequest(direction, gradient, progress, evaluator, fisher));
        apply(step.delta());

        // 5. What the step did on this batch, when a plugin listens every update or the interval has come round.
        double kl = Double.NaN;
        if (feedbackEveryUpdate || (settings.measureStepInterval() > 0 && updates % settings.measureStepInterval() == 0)) {
            ForwardPass after = policy.forward(batch.observations());
            StepFeedback feedback;
            try {
                kl = pass.distribution().kl(after.distribution()).meanNumber().doubleValue();
                feedback = new StepFeedback(A2cLoss.jointKl(pass, after, settings.valueFisherCoefficient()),
                        step.predictedKl(), loss.terms(after).total() - before.total(),
                        gradient.dot(step.delta()) + step.predictedKl());
            } finally {
                after.release();
            }
            feedbackListeners.forEach(listener -> listener.observe(feedback));
        }
        return new UpdateResult(true, before.policy(), before.value(), before.entropy(), kl, step.predictedKl(),
                step.stepSize(), "", cosine.joint(), cosine.perGroup());
    }

    /**
     * {@link Direction#isFinite}, each block checked by one BLAS call ({@link Vectors#isFinite}) rather
     * than a reduction through ND4J's executioner (3% of the default run's learner).
     */
    private static boolean isFinite(Direction direction) {
        return Double.isFinite(direction.quadraticForm()) && direction.blocks().values().stream().allMatch(Vectors::isFinite);
    }

    /** A line search's candidate: applied, measured and undone by restoring the saved parameters. */
    private StepEvaluator.Evaluation tryStep(Map<String, INDArray> delta, Batch batch, ForwardPass pass, A2cLoss loss,
                                             A2cLoss.Terms before) {
        List<INDArray> saved = policy.parameters().stream().map(b -> b.value().dup()).toList();
        try {
            apply(delta);
            ForwardPass candidate = policy.forward(batch.observations());
            try {
                return new StepEvaluator.Evaluation(before.total() - loss.terms(candidate).total(),
                        A2cLoss.jointKl(pass, candidate, settings.valueFisherCoefficient()));
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

    /** {@code theta <- theta + delta}, block by block: one BLAS {@code axpy} with factor 1 (the same sums as {@code addi}). */
    private void apply(Map<String, INDArray> delta) {
        for (ParameterBlock block : policy.parameters()) {
            INDArray d = delta.get(block.name());
            if (d != null) {
                Vectors.axpy(1.0, d.castTo(block.value().dataType()), block.value());
            }
        }
    }
}
