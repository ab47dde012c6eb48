package io.acktr.policies.distributions;

import io.acktr.numerics.Vectors;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Moving small matrices into plain Java arrays with one or two ND4J calls, not one per row. */
public final class Matrices {
    private Matrices() {
    }

    /** The entries of {@code m} in row-major order, as doubles. */
    public static double[] rowMajor(INDArray m) {
        return Vectors.toDoubles(m);
    }
}
