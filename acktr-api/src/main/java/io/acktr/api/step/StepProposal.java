package io.acktr.api.step;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The parameter change a step-size rule proposes: {@code theta <- theta + delta}. Its arrays may be
 * the rule's own, written over by its next proposal: whoever asks for a step reads it before asking
 * for the next one.
 *
 * @param stepSize the effective learning rate {@code eta} applied to the direction
 * @param predictedKl {@code 0.5 eta^2 Delta^T F_hat Delta}
 */
public record StepProposal(Map<String, INDArray> delta, double stepSize, double predictedKl) {
    public StepProposal {
        delta = Collections.unmodifiableMap(new LinkedHashMap<>(delta));
    }
}
