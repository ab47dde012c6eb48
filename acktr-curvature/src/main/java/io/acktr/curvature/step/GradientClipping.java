package io.acktr.curvature.step;

import io.acktr.numerics.Vectors;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Global-norm clipping shared by the first-order rules (A2C's {@code max_grad_norm}). */
final class GradientClipping {
    private GradientClipping() {
    }

    /** The factor that scales {@code blocks} to a global L2 norm of at most {@code maxNorm}. */
    static double factor(Map<String, INDArray> blocks, double maxNorm) {
        double sumSquares = 0;
        for (INDArray b : blocks.values()) {
            sumSquares += Vectors.dot(b, b);
        }
        double norm = Math.sqrt(sumSquares);
        return norm > maxNorm ? maxNorm / norm : 1.0;
    }
}
