package io.acktr.api.curvature;

import static java.util.Objects.requireNonNull;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One dense layer {@code s = W abar}: the homogeneous inputs {@code abar = [a; 1]} as an
 * {@code N x (d_in + 1)} matrix and the per-sample gradients {@code g = d objective / d s} as an
 * {@code N x d_out} matrix. The layer's gradient is {@code g^T abar}.
 *
 * @param activationsLease the holders of {@code activations}, which the policy may reuse (see {@link #retain})
 */
public record DenseLayerStatistics(String parameterName, INDArray activations, INDArray preActivationGradients,
                                   ArrayLease activationsLease) implements LayerStatistics {
    /** Statistics whose activations no pool reuses. */
    public DenseLayerStatistics(String parameterName, INDArray activations, INDArray preActivationGradients) {
        this(parameterName, activations, preActivationGradients,
                activations == null ? null : ArrayLease.unowned(activations));
    }

    public DenseLayerStatistics {
        requireNonNull(parameterName, "parameterName is null");
        requireNonNull(activations, "activations is null");
        requireNonNull(preActivationGradients, "preActivationGradients is null");
        if (activations.rows() != preActivationGradients.rows()) {
            throw new IllegalArgumentException("layer " + parameterName + ": " + activations.rows()
                    + " activation rows but " + preActivationGradients.rows() + " gradient rows");
        }
        requireNonNull(activationsLease, "activationsLease is null");
        if (activationsLease.array() != activations) {
            throw new IllegalArgumentException("layer " + parameterName + ": the lease is not on these activations");
        }
    }

    @Override
    public void retain() {
        activationsLease.retain();
    }

    @Override
    public void release() {
        activationsLease.release();
    }

    @Override
    public int batchSize() {
        return (int) activations.rows();
    }
}
