package io.acktr.curvature.linalg;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The eigendecomposition {@code S = Q diag(values) Q^T} of a symmetric matrix, in double
 * precision, with eigenvalues clipped from below at a floor (round-off makes the smallest
 * eigenvalues of a covariance slightly negative).
 *
 * @param vectors {@code n x n}, eigenvectors in columns
 * @param values {@code n x 1} column of eigenvalues
 */
public record SymmetricEigen(INDArray vectors, INDArray values) {

    /** Decomposes {@code symmetric} (left untouched) and clips eigenvalues at {@code floor}. */
    public static SymmetricEigen of(INDArray symmetric, double floor) {
        if (symmetric.rank() != 2 || symmetric.rows() != symmetric.columns()) {
            throw new IllegalArgumentException("expected a square matrix, got shape " + java.util.Arrays.toString(symmetric.shape()));
        }
        INDArray work = symmetric.castTo(DataType.DOUBLE).dup('f');
        INDArray values = Eigen.symmetricGeneralizedEigenvalues(work, true);
        INDArray clipped = Transforms.max(values.reshape(values.length(), 1), floor, false);
        return new SymmetricEigen(work.dup('c'), clipped);
    }

    public int size() {
        return (int) values.length();
    }

    /** {@code sum(values)}, the trace of the (clipped) matrix. */
    public double trace() {
        return values.sumNumber().doubleValue();
    }
}
