package io.acktr.curvature.step;

import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.Gradient;
import io.acktr.api.step.StepEvaluator;
import io.acktr.api.step.StepProposal;
import io.acktr.api.step.StepRequest;
import io.acktr.api.step.StepSizeRule;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * TRPO's step (Schulman et al. 2015): the full step {@code eta = sqrt(2 delta / s^T F s)} along the
 * direction {@code s}, then backtracking by {@code shrink-factor} until the loss on the batch
 * improves by at least {@code accept-ratio} of its first-order prediction and the measured KL is at
 * most {@code delta}. When no candidate passes, the parameters stay where they are (step size 0).
 */
public final class LineSearchStepRule implements StepSizeRule {
    public static final String NAME = "line-search";

    private final LineSearchSettings settings;
    private int lastBacktracks;

    public LineSearchStepRule(LineSearchSettings settings) {
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
        StepEvaluator evaluator = request.evaluator();
        double quadratic = direction.quadraticForm();
        double slope = gradient.dot(direction.blocks());
        if (!(quadratic > 0) || !(slope > 0)) {
            lastBacktracks = 0;
            return new StepProposal(scaled(direction, 0), 0, 0);
        }
        double eta = Math.sqrt(2 * settings.klRadius() / quadratic);
        for (int k = 0; k <= settings.maxBacktracks(); k++) {
            Map<String, INDArray> delta = scaled(direction, eta);
            StepEvaluator.Evaluation result = evaluator.evaluate(delta);
            double expected = eta * slope;
            if (result.lossImprovement() > 0 && result.lossImprovement() >= settings.acceptRatio() * expected
                    && result.kl() <= settings.klRadius()) {
                lastBacktracks = k;
                return new StepProposal(delta, eta, 0.5 * eta * eta * quadratic);
            }
            eta *= settings.shrinkFactor();
        }
        lastBacktracks = settings.maxBacktracks() + 1;
        return new StepProposal(scaled(direction, 0), 0, 0);
    }

    /** Backtracking steps taken by the latest proposal ({@code max-backtracks + 1} when all failed). */
    public int lastBacktracks() {
        return lastBacktracks;
    }

    private static Map<String, INDArray> scaled(Direction direction, double eta) {
        Map<String, INDArray> delta = new LinkedHashMap<>();
        direction.blocks().forEach((name, block) -> delta.put(name, block.mul(-eta)));
        return delta;
    }
}
