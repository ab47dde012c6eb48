package io.acktr.curvature.linalg;

import io.acktr.numerics.Vectors;
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
 * <p>Every matrix goes to LAPACK's divide and conquer, called directly: {@code dsyevd} in double,
 * or, for a float policy's factors of {@value #FLOAT_FROM} rows or more, {@code ssyevd} in float
 * (on the Nature CNN's 3137 x 3137 input factor 2.8 s instead of 7 s in double, as PyTorch's K-FAC
 * decomposes its float factors). Against ND4J's {@code dsyev} (QR iteration, through its
 * executioner), on one core: 0.65 ms instead of 1.0-1.2 ms for an MLP's 65 x 65 factor, 4 us instead
 * of 45-95 us for a 5 x 5 one, 7 s instead of 43 s for 3137 x 3137. Both are exact to their
 * round-off, but the round-off differs, and a run's trajectory follows it. Where that LAPACK is
 * missing or does not converge, ND4J's {@code dsyev} is used.
 *
 * @param vectors {@code n x n}, eigenvectors in columns, in double whatever the precision of the decomposition
 * @param values {@code n x 1} column of eigenvalues, in double
 */
public record SymmetricEigen(INDArray vectors, INDArray values) {
    /** The size from which LAPACK's divide and conquer ({@code dsyevd}) decomposes: every size. */
    public static final int DIVIDE_AND_CONQUER_FROM = 1;
    /** The size from which a matrix asked for in float is decomposed in float ({@code ssyevd}). */
    public static final int FLOAT_FROM = 2048;

    private static final boolean LAPACK = lapackAvailable();

    /** Decomposes {@code symmetric} (left untouched) in double and clips eigenvalues at {@code floor}. */
    public static SymmetricEigen of(INDArray symmetric, double floor) {
        return of(symmetric, floor, DataType.DOUBLE);
    }

    /**
     * The same, in {@code precision} ({@code FLOAT} or {@code DOUBLE}) when the matrix has
     * {@value #FLOAT_FROM} rows or more; smaller ones are decomposed in double.
     */
    public static SymmetricEigen of(INDArray symmetric, double floor, DataType precision) {
        return of(symmetric, floor, DIVIDE_AND_CONQUER_FROM, precision);
    }

    /** The same, with divide and conquer from {@code divideAndConquerFrom} rows (for tests; else ND4J's dsyev). */
    static SymmetricEigen of(INDArray symmetric, double floor, int divideAndConquerFrom) {
        return of(symmetric, floor, divideAndConquerFrom, DataType.DOUBLE);
    }

    static SymmetricEigen of(INDArray symmetric, double floor, int divideAndConquerFrom, DataType precision) {
        if (symmetric.rank() != 2 || symmetric.rows() != symmetric.columns()) {
            throw new IllegalArgumentException("expected a square matrix, got shape " + java.util.Arrays.toString(symmetric.shape()));
        }
        int n = (int) symmetric.rows();
        if (LAPACK && n >= divideAndConquerFrom && n >= FLOAT_FROM && precision == DataType.FLOAT) {
            SymmetricEigen inFloat = inFloat(symmetric, n, floor);
            if (inFloat != null) {
                return inFloat;
            }
        } else if (LAPACK && n >= divideAndConquerFrom) {
            // a copy for LAPACK to overwrite, in row-major order
            double[] matrix = Vectors.toDoubles(symmetric);
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
        float[] matrix = new float[n * n];
        Vectors.read(symmetric, matrix, 0);
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
