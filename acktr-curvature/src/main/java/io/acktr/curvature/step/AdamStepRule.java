package io.acktr.curvature.step;

import io.acktr.api.state.SavedState;
import io.acktr.api.state.Stateful;
import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.Gradient;
import io.acktr.api.step.StepProposal;
import io.acktr.api.step.StepRequest;
import io.acktr.api.step.StepSizeRule;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam (Kingma and Ba 2015) on the direction, after clipping it to a global norm:
 * {@code m <- b1 m + (1 - b1) d}, {@code v <- b2 v + (1 - b2) d^2},
 * {@code theta <- theta - lr m_hat / (sqrt(v_hat) + eps)} with bias-corrected {@code m_hat},
 * {@code v_hat}. It has no model of the KL, so the predicted KL is reported as NaN.
 */
public final class AdamStepRule implements StepSizeRule, Stateful {
    public static final String NAME = "adam";

    private final AdamSettings settings;
    private final Map<String, INDArray> firstMoment = new LinkedHashMap<>();
    private final Map<String, INDArray> secondMoment = new LinkedHashMap<>();
    private long steps;

    public AdamStepRule(AdamSettings settings) {
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
        double clip = GradientClipping.factor(direction.blocks(), settings.maxGradientNorm());
        steps++;
        double b1 = settings.beta1();
        double b2 = settings.beta2();
        double correction1 = 1 - Math.pow(b1, steps);
        double correction2 = 1 - Math.pow(b2, steps);
        Map<String, INDArray> delta = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> e : direction.blocks().entrySet()) {
            INDArray d = e.getValue().mul(clip);
            INDArray m = firstMoment.computeIfAbsent(e.getKey(), k -> d.mul(0));
            INDArray v = secondMoment.computeIfAbsent(e.getKey(), k -> d.mul(0));
            m.muli(b1).addi(d.mul(1 - b1));
            v.muli(b2).addi(d.mul(d).muli(1 - b2));
            INDArray denominator = Transforms.sqrt(v.div(correction2), false).addi(settings.epsilon());
            delta.put(e.getKey(), m.div(correction1).divi(denominator).muli(-settings.learningRate()));
        }
        return new StepProposal(delta, settings.learningRate(), Double.NaN);
    }

    /** Both moments by block and the number of steps (for the bias corrections). */
    @Override
    public SavedState saveState() {
        return SavedState.empty().withCopies("first-moment/", firstMoment).withCopies("second-moment/", secondMoment)
                .with("steps", steps);
    }

    @Override
    public void restoreState(SavedState state) {
        long savedSteps = state.whole("steps");
        firstMoment.clear();
        firstMoment.putAll(state.copiesUnder("first-moment/"));
        secondMoment.clear();
        secondMoment.putAll(state.copiesUnder("second-moment/"));
        steps = savedSteps;
    }
}
