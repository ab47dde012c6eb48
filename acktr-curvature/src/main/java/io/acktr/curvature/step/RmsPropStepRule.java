package io.acktr.curvature.step;

import io.acktr.api.state.SavedState;
import io.acktr.api.state.Stateful;
import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.Direction;
import io.acktr.numerics.Vectors;
import io.acktr.api.step.StepProposal;
import io.acktr.api.step.StepRequest;
import io.acktr.api.step.StepSizeRule;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * RMSProp as the standard A2C baseline uses it: the direction is first clipped to a global
 * norm, then {@code s <- decay s + (1 - decay) d^2} and {@code theta <- theta - lr d / (sqrt(s) + eps)}.
 * It has no model of the KL, so the predicted KL is reported as NaN.
 */
public final class RmsPropStepRule implements StepSizeRule, Stateful {
    public static final String NAME = "rmsprop";

    private final RmsPropSettings settings;
    private final Map<String, INDArray> squareAverage = new LinkedHashMap<>();
    /** Scratch for one block's direction and average, grown to the largest block (a CNN's dense layer: 1.6M). */
    private double[] d = new double[0];
    private double[] average = new double[0];
    /**
     * The last proposal's step arrays, written over by the next one ({@link StepProposal}): a new
     * native array per block and update took 4% of an A2C update.
     */
    private final Map<String, INDArray> steps = new LinkedHashMap<>();

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
        double clip = GradientClipping.factor(direction.blocks(), settings.maxGradientNorm());
        double decay = settings.decay();
        Map<String, INDArray> delta = new LinkedHashMap<>();
        // with d = clip g: s <- decay s + (1 - decay) d^2; delta = -lr d / (sqrt(s) + eps); one pass
        // over each block in double, in plain loops (through ND4J: seven operations per block)
        double rate = -settings.learningRate() * clip;
        double epsilon = settings.epsilon();
        for (Map.Entry<String, INDArray> e : direction.blocks().entrySet()) {
            INDArray g = e.getValue();
            int n = (int) g.length();
            if (d.length < n) {
                d = new double[n];
                average = new double[n];
            }
            Vectors.read(g, d, 0);
            INDArray s = squareAverage.get(e.getKey());
            if (s == null) {
                s = Nd4j.createUninitialized(g.dataType(), g.shape(), 'c');
                squareAverage.put(e.getKey(), s);
                for (int i = 0; i < n; i++) {
                    average[i] = (1 - decay) * clip * clip * d[i] * d[i];
                }
            } else {
                Vectors.read(s, average, 0);
                for (int i = 0; i < n; i++) {
                    average[i] = decay * average[i] + (1 - decay) * clip * clip * d[i] * d[i];
                }
            }
            Vectors.write(average, 0, s);
            for (int i = 0; i < n; i++) {
                d[i] = rate * d[i] / (Math.sqrt(average[i]) + epsilon);
            }
            INDArray step = steps.get(e.getKey());
            if (step == null || step.dataType() != g.dataType() || !Arrays.equals(step.shape(), g.shape())) {
                step = Nd4j.createUninitialized(g.dataType(), g.shape(), 'c');
                steps.put(e.getKey(), step);
            }
            Vectors.write(d, 0, step);
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
