package io.acktr.api.curvature;

import io.acktr.api.plugin.ExtensionPoint;
import static java.util.Objects.requireNonNull;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A hold on an array that its owner (a policy's buffer pool) may reuse once every holder has
 * released it: whoever keeps the array beyond the call that handed it over retains it first.
 */
@ExtensionPoint
public interface ArrayLease {
    INDArray array();

    /** One more holder. */
    ArrayLease retain();

    /** One holder fewer; the last one gives the array back to its owner. */
    void release();

    /** A lease on an array that nobody reuses: retaining and releasing it changes nothing. */
    static ArrayLease unowned(INDArray array) {
        requireNonNull(array, "array is null");
        return new ArrayLease() {
            @Override
            public INDArray array() {
                return array;
            }

            @Override
            public ArrayLease retain() {
                return this;
            }

            @Override
            public void release() {
            }
        };
    }
}
