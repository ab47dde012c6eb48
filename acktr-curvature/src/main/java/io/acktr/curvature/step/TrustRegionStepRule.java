package io.acktr.curvature.step;

import io.acktr.api.state.SavedState;
import io.acktr.api.state.Stateful;
import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.FisherVectorProduct;
import io.acktr.api.curvature.Gradient;
import io.acktr.api.step.StepFeedback;
import io.acktr.api.step.StepFeedbackListener;
import io.acktr.api.step.StepProposal;
import io.acktr.api.step.StepRequest;
import io.acktr.api.step.StepSizeRule;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The ACKTR step size: {@code eta = min(eta_max, sqrt(2 delta / Delta^T F_hat Delta))}, so that the
 * predicted KL {@code 0.5 eta^2 Delta^T F_hat Delta} of the step stays within the radius
 * {@code delta}, followed by optional momentum. This is the paper's formula, with the factor 2; the
 * OpenAI baselines code omits it, so its {@code kl_clip} equals {@code 2 delta} here. Momentum is an
 * exponential average of the scaled steps (dampening = momentum), as in the reference code: a
 * steady direction moves {@code eta Delta} per update, so the trust region keeps its meaning.
 *
 * <p>With {@link TrustRegionScope#PER_GROUP} each parameter group gets its own {@code eta} from its
 * own {@code q_g = Delta_g^T grad_g}; the reported step size is that of the first block's group
 * (the actor's, for the built-in policies).
 *
 * <p>With {@code kl-feedback}, the radius is multiplied by a factor in {@code (0, 1]} that is divided
 * by 1.5 after a step whose measured KL was more than twice the KL budget (the radius times the
 * number of groups) and multiplied by 1.5 (up to 1) after one below half of it. K-FAC's
 * block-diagonal approximation under-predicts the KL of its own steps several-fold on small
 * networks; the original ACKTR adapted its continuous-control steps to the measured KL in the same
 * way. The prediction itself is not the reference, since its bias is roughly constant.
 *
 * <p>With the {@code linear} schedule the radius decays linearly to 0 over the run's step budget,
 * the KL-budget analogue of the linear learning-rate schedule the reference code uses by default.
 *
 * <p>With {@code quadratic-form = exact}, {@code q} is {@code Delta^T F Delta} with the exact Fisher
 * of the batch (one Fisher-vector product, {@link StepRequest#fisher()}; per group
 * {@code q_g = Delta_g^T (F Delta)_g}, which is the group's own block for separate actor and critic
 * networks), not the estimator's approximation: the direction stays the estimator's, its length is
 * set by the true curvature, the rescaling Martens and Grosse (2015, section 6.4) make with the exact
 * Fisher. The radius then means what it says: on CartPole-v1 and Pendulum-v1, K-FAC's own
 * quadratic form under-predicted the measured KL of its steps by a median of about 40x (the exact
 * Fisher's of cg-fisher by 0.9-1.4x).
 */
public final class TrustRegionStepRule implements StepSizeRule, StepFeedbackListener, Stateful {
    public static final String NAME = "trust-region";
    private static final String JOINT = "joint";
    static final double FEEDBACK_FACTOR = 1.5;
    static final double MIN_RADIUS_MULTIPLIER = 1e-3;

    private final TrustRegionSettings settings;
    private final Momentum momentum;
    private double radiusMultiplier = 1.0;
    private double lastBudget = Double.NaN;
    private double progress;

    public TrustRegionStepRule(TrustRegionSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
        this.momentum = new Momentum(settings.momentum(), settings.momentum());
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Where the run is, for the radius' schedule; {@link #propose} tells it every update. */
    void observeProgress(double fraction) {
        this.progress = Math.min(1.0, Math.max(0.0, fraction));
    }

    /** The radius in force: the configured one, decayed by the schedule and the KL feedback. */
    public double radius() {
        double scheduled = settings.linearSchedule() ? settings.klRadius() * (1 - progress) : settings.klRadius();
        return scheduled * radiusMultiplier;
    }

    @Override
    public boolean needsFeedbackEveryUpdate() {
        return settings.klFeedback();
    }

    @Override
    public boolean needsFisherVectorProducts() {
        return settings.exactQuadraticForm();
    }

    @Override
    public void observe(StepFeedback feedback) {
        double measuredKl = feedback.measuredKl();
        if (!settings.klFeedback() || !(lastBudget > 0) || !Double.isFinite(measuredKl)) {
            return;
        }
        if (measuredKl > 2 * lastBudget) {
            radiusMultiplier = Math.max(MIN_RADIUS_MULTIPLIER, radiusMultiplier / FEEDBACK_FACTOR);
        } else if (measuredKl < 0.5 * lastBudget) {
            radiusMultiplier = Math.min(1.0, radiusMultiplier * FEEDBACK_FACTOR);
        }
    }

    /** The factor the radius is currently multiplied by (1 without feedback). */
    public double radiusMultiplier() {
        return radiusMultiplier;
    }

    /** {@code min(eta_max, sqrt(2 delta / q))}; {@code eta_max} when {@code q} is zero. */
    public static double stepSize(double maxStepSize, double radius, double quadraticForm) {
        if (!(quadraticForm > 0)) {
            return radius > 0 ? maxStepSize : 0;
        }
        return Math.min(maxStepSize, Math.sqrt(2 * radius / quadraticForm));
    }

    @Override
    public StepProposal propose(StepRequest request) {
        observeProgress(request.progress());
        Direction direction = request.direction();
        Gradient gradient = request.gradient();
        Map<String, Double> quadraticForms = settings.exactQuadraticForm()
                ? exactQuadraticForms(direction, gradient, request)
                : approximateQuadraticForms(direction, gradient);
        Map<String, Double> etas = new LinkedHashMap<>();
        double predictedKl = 0;
        for (Map.Entry<String, Double> q : quadraticForms.entrySet()) {
            double eta = stepSize(settings.maxStepSize(), radius(), q.getValue());
            etas.put(q.getKey(), eta);
            predictedKl += 0.5 * eta * eta * q.getValue();
        }
        Map<String, Double> scales = new LinkedHashMap<>();
        for (String block : direction.blocks().keySet()) {
            scales.put(block, etas.get(settings.scope() == TrustRegionScope.JOINT ? JOINT : gradient.group(block)));
        }
        double reported = scales.isEmpty() ? settings.maxStepSize() : scales.values().iterator().next();
        lastBudget = settings.klRadius() * quadraticForms.size();
        return new StepProposal(momentum.apply(direction.blocks(), scales), reported, predictedKl);
    }

    /** {@code q} per group (or joint) from the estimator: its block shares, else {@code Delta_b^T grad_b}. */
    private Map<String, Double> approximateQuadraticForms(Direction direction, Gradient gradient) {
        Map<String, Double> quadraticForms = new LinkedHashMap<>();
        if (settings.scope() == TrustRegionScope.JOINT) {
            quadraticForms.put(JOINT, direction.quadraticForm());
        } else {
            for (String block : direction.blocks().keySet()) {
                Double share = direction.blockQuadraticForms().get(block);
                quadraticForms.merge(gradient.group(block), share != null ? share : gradient.dot(block, direction.blocks()),
                        Double::sum);
            }
        }
        return quadraticForms;
    }

    /** {@code q} per group (or joint) with the exact Fisher: {@code Delta_b^T (F Delta)_b} summed over the group's blocks. */
    private Map<String, Double> exactQuadraticForms(Direction direction, Gradient gradient, StepRequest request) {
        FisherVectorProduct fisher = request.fisher().orElseThrow(() -> new IllegalStateException(
                TrustRegionSettings.PREFIX + ".quadratic-form = exact needs the batch's Fisher-vector products,"
                        + " and the update offered none"));
        Map<String, INDArray> product = fisher.apply(direction.blocks());
        Map<String, Double> quadraticForms = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> block : direction.blocks().entrySet()) {
            INDArray fDelta = product.get(block.getKey());
            double share = fDelta == null ? 0
                    : block.getValue().castTo(DataType.DOUBLE).mul(fDelta.castTo(DataType.DOUBLE)).sumNumber().doubleValue();
            quadraticForms.merge(settings.scope() == TrustRegionScope.JOINT ? JOINT : gradient.group(block.getKey()), share,
                    Double::sum);
        }
        return quadraticForms;
    }

    /** The momentum's velocities, the KL feedback's multiplier and budget, and the schedule's progress. */
    @Override
    public SavedState saveState() {
        return SavedState.prefixed("momentum/", momentum.save()).with("radius-multiplier", radiusMultiplier)
                .with("last-budget", lastBudget).with("progress", progress);
    }

    @Override
    public void restoreState(SavedState state) {
        double multiplier = state.scalar("radius-multiplier");
        double budget = state.scalar("last-budget");
        double savedProgress = state.scalar("progress");
        momentum.restore(state.part("momentum/"));
        radiusMultiplier = multiplier;
        lastBudget = budget;
        progress = savedProgress;
    }
}
