package io.acktr.api.policy;

import io.acktr.api.plugin.ExtensionPoint;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A policy with forward mode: what estimators that need exact Fisher-vector products
 * ({@code cg-fisher}) require; the run refuses such an estimator with a policy that is not one.
 */
@ExtensionPoint
public interface ForwardModePolicy extends Policy {
    /**
     * The change {@code J v} of each sample's outputs along the parameter direction {@code v}, at
     * the parameters that produced {@code pass}.
     *
     * @param parameterTangent one tensor per parameter block, of the block's shape; missing blocks are 0
     */
    OutputTangent outputTangent(ForwardPass pass, Map<String, INDArray> parameterTangent);
}
