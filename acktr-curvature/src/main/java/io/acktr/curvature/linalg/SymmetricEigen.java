package io.acktr.curvature.linalg;

import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The eigendecomposition {@code S = Q diag(values) Q^T} of a symmetric matrix, in double
 * precision, with eigenvalues clipped from below at a floor (round-off makes the smallest
 * eigenvalues of a covariance slightly negative).
 *
 * <p>Matrices of {@value #DIVIDE_AND_CONQUER_FROM} rows or more go to LAPACK's divide and conquer
 * ({@code dsyevd}), called directly: on the Nature CNN's 3137 x 3137 input factor it took 7 s where
 * ND4J's {@code dsyev} took 43 s (one core). Smaller ones, every MLP's and MinAtar's factors, keep
 * ND4J's {@code dsyev}: both are exact to round-off, but their round-off differs, and a run's
 * trajectory follows it. Where that LAPACK is missing or does not converge, ND4J's is used.
 *
 * @param vectors {@code n x n}, eigenvectors in columns
 * @param values {@code n x 1} column of eigenvalues
 */
public record SymmetricEigen(INDArray vectors, INDArray values) {
    /** The size from which {@code dsyevd} decomposes. */
    public static final int DIVIDE_AND_CONQUER_FROM = 2048;

    private static final boolean LAPACK = lapackAvailable();

    /** Decomposes {@code symmetric} (left untouched) and clips eigenvalues at {@code floor}. */
    public static SymmetricEigen of(INDArray symmetric, double floor) {
        return of(symmetric, floor, DIVIDE_AND_CONQUER_FROM);
    }

    /** The same, with {@code dsyevd} from {@code divideAndConquerFrom} rows (for tests). */
    static SymmetricEigen of(INDArray symmetric, double floor, int divideAndConquerFrom) {
        if (symmetric.rank() != 2 || symmetric.rows() != symmetric.columns()) {
            throw new IllegalArgumentException("expected a square matrix, got shape " + java.util.Arrays.toString(symmetric.shape()));
        }
        int n = (int) symmetric.rows();
        if (LAPACK && n >= divideAndConquerFrom) {
            double[] matrix = symmetric.castTo(DataType.DOUBLE).dup('c').data().asDouble();
            double[] values = new double[n];
            // row-major: on return, column j of the matrix is the eigenvector of values[j] (ascending)
            int info = openblas.LAPACKE_dsyevd(openblas.LAPACK_ROW_MAJOR, (byte) 'V', (byte) 'L', n, matrix, n, values);
            if (info == 0) {
                for (int i = 0; i < n; i++) {
                    values[i] = Math.max(values[i], floor);
                }
                return new SymmetricEigen(Nd4j.create(matrix, new long[] {n, n}, 'c'),
                        Nd4j.create(values, new long[] {n, 1}, 'c'));
            }
        }
        INDArray work = symmetric.castTo(DataType.DOUBLE).dup('f');
        INDArray values = Eigen.symmetricGeneralizedEigenvalues(work, true);
        INDArray clipped = Transforms.max(values.reshape(values.length(), 1), floor, false);
        return new SymmetricEigen(work.dup('c'), clipped);
    }

    /** Whether LAPACK's {@code dsyevd} can be called directly on this backend. */
    static boolean divideAndConquerAvailable() {
        return LAPACK;
    }

    private static boolean lapackAvailable() {
        try {
            double[] diagonal = {2, 0, 0, 3};
            double[] values = new double[2];
            return openblas.LAPACKE_dsyevd(openblas.LAPACK_ROW_MAJOR, (byte) 'V', (byte) 'L', 2, diagonal, 2, values) == 0
                    && values[0] == 2 && values[1] == 3;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public int size() {
        return (int) values.length();
    }

    /** {@code sum(values)}, the trace of the (clipped) matrix. */
    public double trace() {
        return values.sumNumber().doubleValue();
    }
}
