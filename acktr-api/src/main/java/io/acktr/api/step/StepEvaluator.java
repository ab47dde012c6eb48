package io.acktr.api.step;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Tries a candidate parameter change on the current batch and undoes it: what a line search needs.
 * Each call costs a forward pass.
 */
@FunctionalInterface
public interface StepEvaluator {
    /**
     * @param delta the change to add to each parameter block (blocks missing from the map do not move)
     */
    Evaluation evaluate(Map<String, INDArray> delta);

    /**
     * @param lossImprovement {@code L(theta) - L(theta + delta)} of the update's loss on the batch
     *     (positive is better)
     * @param kl the mean KL of the model's output distribution between before and after
     */
    record Evaluation(double lossImprovement, double kl) {
    }
}
