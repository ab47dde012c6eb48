package io.acktr.api.policy;

import io.acktr.api.plugin.ExtensionPoint;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The result of {@link Policy#forward}: the outputs, plus whatever the policy cached to run
 * {@link Policy#backward} on the same batch. Immutable once returned.
 */
@ExtensionPoint
public interface ForwardPass {
    int batchSize();

    ActionDistribution distribution();

    /** State values {@code V(s_i)}, {@code N x 1}. */
    INDArray values();

    /**
     * Lets the policy reuse the pass's large arrays: call it once nothing will read this pass, or
     * the statistics of its backward passes, again. Statistics a consumer
     * {@link io.acktr.api.curvature.LayerStatistics#retain retained} stay valid until released.
     * Not calling it is safe (the arrays are then collected as garbage); later calls do nothing.
     */
    default void release() {
    }
}
