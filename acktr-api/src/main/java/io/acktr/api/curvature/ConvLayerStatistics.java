package io.acktr.api.curvature;

import static java.util.Objects.requireNonNull;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One convolution written as a dense layer over its input patches (im2col): at each of the
 * {@code T = locations} output positions, {@code s_t = W abar_t} with {@code abar_t} the flattened
 * {@code k_h x k_w x c_in} patch (in an order the policy chooses and uses for its weights too)
 * extended by a constant 1, and {@code W} a {@code c_out x (k_h k_w c_in + 1)} matrix whose last
 * column is the bias. The layer's gradient is {@code sum_t g_t abar_t^T}.
 *
 * @param patches {@code (N T) x (c_in k_h k_w + 1)}, sample-major: rows {@code i T ... i T + T - 1}
 *     are sample {@code i}'s locations
 * @param preActivationGradients {@code (N T) x c_out}, {@code d objective / d s_t}, in the same row order
 * @param locations {@code T}, the number of output positions per sample
 * @param patchesLease the holders of {@code patches}, which the policy may reuse (see {@link #retain})
 */
public record ConvLayerStatistics(String parameterName, INDArray patches, INDArray preActivationGradients,
                                  int locations, ArrayLease patchesLease) implements LayerStatistics {
    /** Statistics whose patches no pool reuses. */
    public ConvLayerStatistics(String parameterName, INDArray patches, INDArray preActivationGradients, int locations) {
        this(parameterName, patches, preActivationGradients, locations,
                patches == null ? null : ArrayLease.unowned(patches));
    }

    public ConvLayerStatistics {
        requireNonNull(parameterName, "parameterName is null");
        requireNonNull(patches, "patches is null");
        requireNonNull(preActivationGradients, "preActivationGradients is null");
        if (locations < 1) {
            throw new IllegalArgumentException("layer " + parameterName + ": locations must be >= 1, got " + locations);
        }
        if (patches.rows() != preActivationGradients.rows()) {
            throw new IllegalArgumentException("layer " + parameterName + ": " + patches.rows()
                    + " patch rows but " + preActivationGradients.rows() + " gradient rows");
        }
        if (patches.rows() % locations != 0) {
            throw new IllegalArgumentException("layer " + parameterName + ": " + patches.rows()
                    + " patch rows are not a multiple of " + locations + " locations");
        }
        requireNonNull(patchesLease, "patchesLease is null");
        if (patchesLease.array() != patches) {
            throw new IllegalArgumentException("layer " + parameterName + ": the lease is not on these patches");
        }
    }

    @Override
    public void retain() {
        patchesLease.retain();
    }

    @Override
    public void release() {
        patchesLease.release();
    }

    @Override
    public int batchSize() {
        return (int) (patches.rows() / locations);
    }
}
