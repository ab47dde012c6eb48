package io.acktr.curvature.linalg;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The eigendecomposition {@code S = Q diag(values) Q^T} of a symmetric matrix, with eigenvalues
 * clipped from below at a floor (round-off makes the smallest eigenvalues of a covariance slightly
 * negative).
 *
 * <p>Matrices of {@value #DIVIDE_AND_CONQUER_FROM} rows or more go to LAPACK's divide and conquer,
 * called directly, in the precision asked for: {@code dsyevd} in double (on the Nature CNN's
 * 3137 x 3137 input factor 7 s, where ND4J's {@code dsyev} took 43 s, one core), or {@code ssyevd}
 * in float for a float policy's factors (2.8 s instead of 6.4 s, as PyTorch's K-FAC decomposes its
 * float factors). Smaller ones, every MLP's and MinAtar's factors, are decomposed in double by
 * ND4J's {@code dsyev}: all are exact to their round-off, but the round-off differs, and a run's
 * trajectory follows it. Where that LAPACK is missing or does not converge, ND4J's is used.
 *
 * @param vectors {@code n x n}, eigenvectors in columns, in double whatever the precision of the decomposition
 * @param values {@code n x 1} column of eigenvalues, in double
 */
public record SymmetricEigen(INDArray vectors, INDArray values) {
    /** The size from which LAPACK's divide and conquer ({@code dsyevd}, {@code ssyevd}) decomposes. */
    public static final int DIVIDE_AND_CONQUER_FROM = 2048;

    private static final boolean LAPACK = lapackAvailable();

    /** Decomposes {@code symmetric} (left untouched) in double and clips eigenvalues at {@code floor}. */
    public static SymmetricEigen of(INDArray symmetric, double floor) {
        return of(symmetric, floor, DataType.DOUBLE);
    }

    /**
     * The same, in {@code precision} ({@code FLOAT} or {@code DOUBLE}) when the matrix has
     * {@value #DIVIDE_AND_CONQUER_FROM} rows or more; smaller ones are decomposed in double.
     */
    public static SymmetricEigen of(INDArray symmetric, double floor, DataType precision) {
        return of(symmetric, floor, DIVIDE_AND_CONQUER_FROM, precision);
    }

    /** The same, with divide and conquer from {@code divideAndConquerFrom} rows (for tests). */
    static SymmetricEigen of(INDArray symmetric, double floor, int divideAndConquerFrom) {
        return of(symmetric, floor, divideAndConquerFrom, DataType.DOUBLE);
    }

    static SymmetricEigen of(INDArray symmetric, double floor, int divideAndConquerFrom, DataType precision) {
        if (symmetric.rank() != 2 || symmetric.rows() != symmetric.columns()) {
            throw new IllegalArgumentException("expected a square matrix, got shape " + java.util.Arrays.toString(symmetric.shape()));
        }
        int n = (int) symmetric.rows();
        if (LAPACK && n >= divideAndConquerFrom && precision == DataType.FLOAT) {
            SymmetricEigen inFloat = inFloat(symmetric, n, floor);
            if (inFloat != null) {
                return inFloat;
            }
        } else if (LAPACK && n >= divideAndConquerFrom) {
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

    /**
     * {@code ssyevd} with its workspace sized here: LAPACK's workspace query returns the size as a
     * float, which rounds {@code 1 + 6n + 2n^2} down from n = 2897 on (too small a workspace,
     * "parameter 8 had an illegal value"). Column-major, so LAPACK needs no transposed copy: the
     * matrix is symmetric, and column j of the result is the eigenvector of values[j]. Null when
     * LAPACK reports a failure.
     */
    static SymmetricEigen inFloat(INDArray symmetric, int n, double floor) {
        float[] matrix = symmetric.castTo(DataType.FLOAT).dup('c').data().asFloat();
        long workSize = 1L + 6L * n + 2L * n * n;
        int iworkSize = 3 + 5 * n;
        try (FloatPointer a = new FloatPointer(matrix); FloatPointer w = new FloatPointer(n);
             FloatPointer work = new FloatPointer(workSize); IntPointer iwork = new IntPointer(iworkSize)) {
            int info = openblas.LAPACKE_ssyevd_work(openblas.LAPACK_COL_MAJOR, (byte) 'V', (byte) 'L', n, a, n, w, work,
                    (int) workSize, iwork, iworkSize);
            if (info != 0) {
                return null;
            }
            a.get(matrix);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = Math.max(w.get(i), floor);
            }
            return new SymmetricEigen(Nd4j.create(matrix, new long[] {n, n}, 'f').castTo(DataType.DOUBLE).dup('c'),
                    Nd4j.create(values, new long[] {n, 1}, 'c'));
        }
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
