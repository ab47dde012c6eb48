package io.acktr.curvature.step;

import io.acktr.api.state.SavedState;
import io.acktr.api.state.Stateful;
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
 * The step-size rule of the original continuous-control ACKTR: {@code theta <- theta - eta Delta},
 * where {@code eta} is divided by 1.5 after an update whose measured KL exceeded twice the target
 * and multiplied by 1.5 after one below half of it, within {@code [min, max]}.
 */
public final class AdaptiveKlStepRule implements StepSizeRule, StepFeedbackListener, Stateful {
    public static final String NAME = "adaptive-kl";
    static final double FACTOR = 1.5;

    private final AdaptiveKlSettings settings;
    private double stepSize;

    public AdaptiveKlStepRule(AdaptiveKlSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
        this.stepSize = Math.min(settings.maxStepSize(), Math.max(settings.minStepSize(), settings.initialStepSize()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepProposal propose(StepRequest request) {
        Direction direction = request.direction();
        Gradient gradient = request.gradient();
        Map<String, INDArray> delta = new LinkedHashMap<>();
        direction.blocks().forEach((block, d) -> delta.put(block, d.mul(-stepSize)));
        return new StepProposal(delta, stepSize, 0.5 * stepSize * stepSize * direction.quadraticForm());
    }

    @Override
    public boolean needsFeedbackEveryUpdate() {
        return true;
    }

    @Override
    public void observe(StepFeedback feedback) {
        double measuredKl = feedback.measuredKl();
        if (!Double.isFinite(measuredKl)) {
            return;
        }
        if (measuredKl > 2 * settings.targetKl()) {
            stepSize = Math.max(settings.minStepSize(), stepSize / FACTOR);
        } else if (measuredKl < 0.5 * settings.targetKl()) {
            stepSize = Math.min(settings.maxStepSize(), stepSize * FACTOR);
        }
    }

    /** The adapted step size. */
    @Override
    public SavedState saveState() {
        return SavedState.empty().with("step-size", stepSize);
    }

    @Override
    public void restoreState(SavedState state) {
        stepSize = state.scalar("step-size");
    }
}
