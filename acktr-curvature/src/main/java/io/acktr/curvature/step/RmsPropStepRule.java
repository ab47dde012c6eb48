package io.acktr.curvature.step;

import io.acktr.api.state.SavedState;
import io.acktr.api.state.Stateful;
import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.Gradient;
import io.acktr.numerics.Vectors;
import io.acktr.api.step.StepProposal;
import io.acktr.api.step.StepRequest;
import io.acktr.api.step.StepSizeRule;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * RMSProp as the standard A2C baseline uses it: the direction is first clipped to a global
 * norm, then {@code s <- decay s + (1 - decay) d^2} and {@code theta <- theta - lr d / (sqrt(s) + eps)}.
 * It has no model of the KL, so the predicted KL is reported as NaN.
 */
public final class RmsPropStepRule implements StepSizeRule, Stateful {
    public static final String NAME = "rmsprop";

    private final RmsPropSettings settings;
    private final Map<String, INDArray> squareAverage = new LinkedHashMap<>();

    public RmsPropStepRule(RmsPropSettings settings) {
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
        double decay = settings.decay();
        Map<String, INDArray> delta = new LinkedHashMap<>();
        // with d = clip g: s <- decay s + (1 - decay) d^2; delta = -lr d / (sqrt(s) + eps). Four
        // element-wise operations per block; the scalings are level-1 calls.
        for (Map.Entry<String, INDArray> e : direction.blocks().entrySet()) {
            INDArray g = e.getValue();
            INDArray square = g.mul(g);
            INDArray s = squareAverage.get(e.getKey());
            if (s == null) {
                s = square.muli((1 - decay) * clip * clip);
                squareAverage.put(e.getKey(), s);
            } else {
                Vectors.scale(decay, s);
                Vectors.axpy((1 - decay) * clip * clip, square, s);
            }
            INDArray step = Transforms.sqrt(s, true).addi(settings.epsilon()).rdivi(g);
            Vectors.scale(-settings.learningRate() * clip, step);
            delta.put(e.getKey(), step);
        }
        return new StepProposal(delta, settings.learningRate(), Double.NaN);
    }

    /** The running averages of the squared directions, by block. */
    @Override
    public SavedState saveState() {
        return SavedState.empty().withCopies("square-average/", squareAverage);
    }

    @Override
    public void restoreState(SavedState state) {
        squareAverage.clear();
        squareAverage.putAll(state.copiesUnder("square-average/"));
    }
}
