package org.example.steprule;

import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.Gradient;
import io.acktr.api.step.StepFeedback;
import io.acktr.api.step.StepFeedbackListener;
import io.acktr.api.step.StepProposal;
import io.acktr.api.step.StepRequest;
import io.acktr.api.step.StepSizeRule;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A natural-gradient step clipped to a KL radius, with the quadratic KL model calibrated against
 * the KL that acktr measures after each step.
 *
 * <p>With {@code q = Delta^T F_hat Delta} (the direction's {@link Direction#quadraticForm()}), the
 * quadratic model predicts the KL of the step {@code -eta Delta} as {@code 0.5 eta^2 q}. The model
 * is often off by a steady factor (a block-diagonal {@code F_hat} ignores the blocks' coupling), so
 * this rule keeps a calibration {@code c}, the running geometric mean of
 * {@code measured KL / predicted KL} over the measured steps, and takes
 * <pre>
 *   eta         = min(eta_max, sqrt(2 delta / (c q)))
 *   delta_theta = -eta Delta
 * </pre>
 * so that the calibrated prediction {@code c * 0.5 eta^2 q} is at most {@code delta}. With
 * {@code c = 1} (before the first measured step) this is the ACKTR trust region.
 *
 * <p>Parameter groups ({@link Gradient#group}: a separate actor and critic) are clipped one by
 * one, each with its own {@code q_g}, the sum of its blocks' shares
 * {@link Direction#blockQuadraticForms()}, and its own radius {@code delta}: a critic whose
 * curvature is large does not starve the actor. A direction without per-block shares (an estimator
 * that is not block-diagonal) is clipped as one group. The calibration is shared: acktr measures
 * one KL, that of the joint {@code p(a, v | s)}, which for independent groups is the sum of theirs.
 *
 * <p>The proposal reports the uncalibrated {@code sum_g 0.5 eta_g^2 q_g} as its predicted KL, as
 * the contract of {@link StepProposal} asks; {@link StepFeedback#predictedKl()} hands it back, and
 * the step size of the first block's group as its step size. The rule calibrates from whichever
 * steps acktr measures ({@code acktr.algorithm.measure-step-interval}); it does not ask for a
 * measurement every update, and without measurements it stays the plain trust region. One rule
 * serves one run.
 */
public final class KlClippedStepRule implements StepSizeRule, StepFeedbackListener {
    public static final String NAME = "kl-clipped";
    /** The one group of a direction without per-block quadratic forms. */
    private static final String ALL = "";

    private final KlClippedSettings settings;
    /** {@code log c}; 0 until the first usable measurement. */
    private double logCorrection;
    private boolean calibrated;

    public KlClippedStepRule(KlClippedSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepProposal propose(StepRequest request) {
        Direction direction = request.direction();
        Gradient gradient = request.gradient();
        boolean perGroup = !direction.blockQuadraticForms().isEmpty();
        Map<String, Double> groupForms = new LinkedHashMap<>();
        if (perGroup) {
            direction.blockQuadraticForms().forEach((block, q) -> groupForms.merge(gradient.group(block), q, Double::sum));
        } else {
            groupForms.put(ALL, direction.quadraticForm());
        }
        Map<String, Double> stepSizes = new LinkedHashMap<>();
        double predictedKl = 0;
        for (Map.Entry<String, Double> group : groupForms.entrySet()) {
            double q = group.getValue();
            double eta = stepSize(q);
            stepSizes.put(group.getKey(), eta);
            predictedKl += 0.5 * eta * eta * q;
        }
        Map<String, INDArray> delta = new LinkedHashMap<>();
        direction.blocks().forEach((block, d) -> {
            Double eta = stepSizes.get(perGroup ? gradient.group(block) : ALL);
            if (eta == null) {
                throw new IllegalArgumentException(NAME + ": the direction has block " + block
                        + " but no quadratic-form share for it; shares: " + direction.blockQuadraticForms().keySet());
            }
            delta.put(block, d.mul(-eta));
        });
        String first = direction.blocks().keySet().stream().findFirst().orElse(null);
        double reported = first == null ? settings.maxStepSize() : stepSizes.get(perGroup ? gradient.group(first) : ALL);
        return new StepProposal(delta, reported, predictedKl);
    }

    /**
     * {@code min(eta_max, sqrt(2 delta / (c q)))}; {@code q <= 0} carries no curvature to clip by (a
     * zero gradient, or an estimator that is not positive definite), so the cap alone limits the step.
     */
    private double stepSize(double q) {
        return q > 0 ? Math.min(settings.maxStepSize(), Math.sqrt(2 * settings.klRadius() / (correction() * q)))
                : settings.maxStepSize();
    }

    /**
     * Folds {@code log(measured / predicted)} into the calibration. Feedback without a usable ratio
     * (a KL that is not finite or not positive, e.g. a zero step) is ignored.
     */
    @Override
    public void observe(StepFeedback feedback) {
        double measured = feedback.measuredKl();
        double predicted = feedback.predictedKl();
        if (!(measured > 0 && predicted > 0) || !Double.isFinite(measured) || !Double.isFinite(predicted)) {
            return;
        }
        double ratio = Math.log(measured / predicted);
        double decay = settings.calibrationDecay();
        logCorrection = calibrated ? decay * logCorrection + (1 - decay) * ratio : ratio;
        calibrated = true;
        double limit = Math.log(settings.maxCorrection());
        logCorrection = Math.max(-limit, Math.min(limit, logCorrection));
    }

    /** The calibration {@code c}: how many times the measured KL exceeded the prediction, on average. */
    public double correction() {
        return Math.exp(logCorrection);
    }
}
