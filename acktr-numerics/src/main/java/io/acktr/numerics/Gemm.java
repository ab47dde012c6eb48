package io.acktr.numerics;

import java.lang.ref.Reference;
import java.nio.DoubleBuffer;
import java.util.Arrays;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matrix products as direct calls of the BLAS that ND4J's CPU backend itself runs on. Through
 * ND4J's executioner a product of two small matrices costs 20-50 microseconds more than the
 * arithmetic (an operation context, checks, a custom-op dispatch); an update makes dozens. A call
 * here goes straight to {@code cblas_?gemm} for rank-2 float or double operands of one type; an
 * operand that is not its whole buffer in c or f layout (a view, a strided window) is copied to c
 * order first. A backend without that BLAS goes through {@link Nd4j#gemm}.
 */
public final class Gemm {
    private static final Logger LOG = LoggerFactory.getLogger(Gemm.class);
    private static final boolean DIRECT = directBlasAvailable();

    private Gemm() {
    }

    /** Whether products go straight to BLAS on this backend (else through ND4J). */
    public static boolean usesDirectBlas() {
        return DIRECT;
    }

    /** {@code op(a) op(b)} as a new c-order matrix, where {@code op} transposes when asked. */
    public static INDArray product(INDArray a, INDArray b, boolean transposeA, boolean transposeB) {
        if (!DIRECT || !floating(a) || !floating(b) || b.dataType() != a.dataType()) {
            return Nd4j.gemm(a, b, transposeA, transposeB);
        }
        INDArray x = plainOrCopy(a);
        INDArray y = plainOrCopy(b);
        long m = transposeA ? x.columns() : x.rows();
        long n = transposeB ? y.rows() : y.columns();
        INDArray c = Nd4j.createUninitialized(x.dataType(), new long[] {m, n}, 'c');
        call(x, y, c, transposeA, transposeB, 1.0, 0.0);
        return c;
    }

    /**
     * {@code a B} where {@code B} is the first {@code columns} columns of {@code b}, as a new c-order
     * matrix of its own (not a view of a wider product): BLAS reads {@code B} inside {@code b} with
     * {@code b}'s row length as its leading dimension. Operands that BLAS cannot read so (a view, f
     * order, mixed types) take the whole product and a copy of its columns.
     */
    public static INDArray productOfLeftColumns(INDArray a, INDArray b, long columns) {
        if (columns < 1 || columns > b.columns()) {
            throw new IllegalArgumentException("cannot take " + columns + " columns of " + Arrays.toString(b.shape()));
        }
        if (!(DIRECT && floating(a) && floating(b) && a.dataType() == b.dataType() && plain(a) && plain(b)
                && a.ordering() == 'c' && b.ordering() == 'c' && a.columns() == b.rows())) {
            return product(a, b, false, false).get(NDArrayIndex.all(), NDArrayIndex.interval(0, columns)).dup('c');
        }
        INDArray c = Nd4j.createUninitialized(a.dataType(), new long[] {a.rows(), columns}, 'c');
        try {
            blas(a, b, c, false, false, (int) a.rows(), (int) columns, (int) a.columns(), (int) a.columns(),
                    (int) b.columns(), (int) columns, 1.0, 0.0);
        } finally {
            Reference.reachabilityFence(a);
            Reference.reachabilityFence(b);
            Reference.reachabilityFence(c);
        }
        return c;
    }

    /** {@code c <- alpha op(a) op(b) + beta c}, in place. */
    public static void accumulate(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB,
                                  double alpha, double beta) {
        if (DIRECT && floating(a) && floating(b) && b.dataType() == a.dataType() && c.dataType() == a.dataType()
                && plain(c)) {
            call(plainOrCopy(a), plainOrCopy(b), c, transposeA, transposeB, alpha, beta);
            return;
        }
        INDArray product = product(a, b, transposeA, transposeB);
        if (SingleElement.is(c) && product.length() == 1) {
            // what the array operations below compute, without their overhead
            DataType type = c.dataType();
            double scaled = SingleElement.times(SingleElement.cast(SingleElement.get(product), type), alpha, type);
            SingleElement.set(c, beta == 0 ? scaled
                    : SingleElement.plus(SingleElement.times(SingleElement.get(c), beta, type), scaled, type));
            return;
        }
        product = product.castTo(c.dataType()).muli(alpha);
        if (beta == 0) {
            c.assign(product); // as BLAS: a zero beta ignores whatever c held, NaN included
        } else {
            c.muli(beta).addi(product);
        }
    }

    private static boolean floating(INDArray x) {
        return x.rank() == 2 && (x.dataType() == DataType.FLOAT || x.dataType() == DataType.DOUBLE);
    }

    /**
     * The array itself when BLAS can read its buffer as it is (a single element always can), else a
     * c-order copy (ND4J copies any layout).
     */
    private static INDArray plainOrCopy(INDArray x) {
        return plain(x) || SingleElement.is(x) ? x : x.dup('c');
    }

    /**
     * {@code target <- alpha rows^T rows + beta target} on the lower triangle (diagonal included) of
     * the square {@code target}; its strict upper triangle is left unspecified. Half the arithmetic of
     * the full product ({@code ?syrk}), for Gram matrices that are symmetrised when read.
     */
    public static void gramLower(INDArray rows, INDArray target, double alpha, double beta) {
        int n = (int) rows.columns();
        if (target.rank() != 2 || target.rows() != n || target.columns() != n) {
            throw new IllegalArgumentException("the Gram matrix of " + Arrays.toString(rows.shape()) + " is " + n + " x " + n
                    + ", not " + Arrays.toString(target.shape()));
        }
        if (!(DIRECT && floating(rows) && plain(target) && target.ordering() == 'c'
                && target.dataType() == rows.dataType())) {
            accumulate(rows, rows, target, true, false, alpha, beta);
            return;
        }
        rows = plainOrCopy(rows);
        int k = (int) rows.rows();
        // a c-order K x N matrix R: R^T R is syrk with Trans; an f-order one is the row-major N x K R^T: NoTrans
        boolean rowMajorRows = rows.ordering() == 'c';
        int trans = rowMajorRows ? openblas.CblasTrans : openblas.CblasNoTrans;
        int lda = rowMajorRows ? n : k;
        try {
            Pointer pr = rows.data().addressPointer();
            Pointer pc = target.data().addressPointer();
            if (target.dataType() == DataType.FLOAT) {
                openblas.cblas_ssyrk(openblas.CblasRowMajor, openblas.CblasLower, trans, n, k, (float) alpha,
                        new FloatPointer(pr), lda, (float) beta, new FloatPointer(pc), n);
            } else {
                openblas.cblas_dsyrk(openblas.CblasRowMajor, openblas.CblasLower, trans, n, k, alpha,
                        new DoublePointer(pr), lda, beta, new DoublePointer(pc), n);
            }
        } finally {
            Reference.reachabilityFence(rows);
            Reference.reachabilityFence(target);
        }
    }

    /**
     * {@code target <- scale target + S}, {@code S} the symmetric matrix whose lower triangle is that
     * of the square {@code lower} (its strict upper triangle is not read), {@code target} a double
     * matrix of the same size. Each element is rounded as BLAS's {@code dscal} then {@code daxpy} with
     * a unit factor round them ({@code scale t_ij}, then {@code + s_ij}), in one pass in Java when
     * {@code target} is its whole c-order buffer, else by those calls on a symmetric copy.
     */
    public static void scaleAndAddSymmetricFromLower(double scale, INDArray target, INDArray lower) {
        int n = (int) lower.rows();
        if (target.rank() != 2 || target.rows() != n || target.columns() != n || lower.columns() != n) {
            throw new IllegalArgumentException("cannot add the symmetric matrix of " + Arrays.toString(lower.shape())
                    + " to " + Arrays.toString(target.shape()));
        }
        if (!(target.dataType() == DataType.DOUBLE && target.ordering() == 'c' && Vectors.ownsItsBuffer(target))) {
            Vectors.scale(scale, target);
            Vectors.axpy(1.0, symmetricFromLower(lower), target);
            return;
        }
        double[] values = lowerInDouble(lower);
        DoubleBuffer t = target.data().asNioDouble();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = j <= i ? values[i * n + j] : values[j * n + i];
                double kept = scale == 0 ? 0.0 : t.get(i * n + j) * scale; // dscal writes zeros for a zero factor
                t.put(i * n + j, kept + s);
            }
        }
        Reference.reachabilityFence(target);
    }

    /** The elements of the square {@code lower} in double, row-major (a float array's widened, exactly). */
    private static double[] lowerInDouble(INDArray lower) {
        return Vectors.toDoubles(lower);
    }

    /** The symmetric matrix whose lower triangle is that of the square {@code lower}, in double, c order. */
    public static INDArray symmetricFromLower(INDArray lower) {
        int n = (int) lower.rows();
        double[] values = lowerInDouble(lower);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                values[i * n + j] = values[j * n + i];
            }
        }
        return Nd4j.create(values, new long[] {n, n}, 'c');
    }

    private static boolean plain(INDArray x) {
        return x.rank() == 2 && (x.ordering() == 'c' || x.ordering() == 'f') && Vectors.ownsItsBuffer(x);
    }

    /**
     * Row-major BLAS: a c-order {@code r x k} matrix is itself with leading dimension {@code k}; an
     * f-order one is the row-major transpose, so its transpose flag flips and its leading dimension
     * is {@code r}.
     */
    private static void call(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB, double alpha,
                             double beta) {
        boolean ta = transposeA ^ a.ordering() == 'f';
        boolean tb = transposeB ^ b.ordering() == 'f';
        int m = (int) (transposeA ? a.columns() : a.rows());
        int k = (int) (transposeA ? a.rows() : a.columns());
        int n = (int) (transposeB ? b.rows() : b.columns());
        if ((transposeB ? b.columns() : b.rows()) != k || c.rows() != m || c.columns() != n) {
            throw new IllegalArgumentException("cannot multiply " + Arrays.toString(a.shape()) + (transposeA ? "^T" : "")
                    + " by " + Arrays.toString(b.shape()) + (transposeB ? "^T" : "") + " into "
                    + Arrays.toString(c.shape()));
        }
        int lda = (int) (a.ordering() == 'c' ? a.columns() : a.rows());
        int ldb = (int) (b.ordering() == 'c' ? b.columns() : b.rows());
        // a c-order target is row-major m x n; an f-order one is the row-major n x m transpose: C^T = op(B)^T op(A)^T
        try {
            if (c.ordering() == 'c') {
                blas(a, b, c, ta, tb, m, n, k, lda, ldb, n, alpha, beta);
            } else {
                blas(b, a, c, !tb, !ta, n, m, k, ldb, lda, m, alpha, beta);
            }
        } finally {
            Reference.reachabilityFence(a);
            Reference.reachabilityFence(b);
            Reference.reachabilityFence(c);
        }
    }

    private static void blas(INDArray x, INDArray y, INDArray c, boolean tx, boolean ty, int m, int n, int k, int ldx,
                             int ldy, int ldc, double alpha, double beta) {
        int opX = tx ? openblas.CblasTrans : openblas.CblasNoTrans;
        int opY = ty ? openblas.CblasTrans : openblas.CblasNoTrans;
        Pointer px = x.data().addressPointer();
        Pointer py = y.data().addressPointer();
        Pointer pc = c.data().addressPointer();
        if (c.dataType() == DataType.FLOAT) {
            openblas.cblas_sgemm(openblas.CblasRowMajor, opX, opY, m, n, k, (float) alpha, new FloatPointer(px), ldx,
                    new FloatPointer(py), ldy, (float) beta, new FloatPointer(pc), ldc);
        } else {
            openblas.cblas_dgemm(openblas.CblasRowMajor, opX, opY, m, n, k, alpha, new DoublePointer(px), ldx,
                    new DoublePointer(py), ldy, beta, new DoublePointer(pc), ldc);
        }
    }

    private static boolean directBlasAvailable() {
        try {
            INDArray a = Nd4j.create(new float[] {1, 2, 3, 4}, new long[] {2, 2}, 'c');
            INDArray c = Nd4j.createUninitialized(DataType.FLOAT, new long[] {2, 2}, 'c');
            openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, 2, 2, 2, 1f,
                    new FloatPointer(a.data().addressPointer()), 2, new FloatPointer(a.data().addressPointer()), 2, 0f,
                    new FloatPointer(c.data().addressPointer()), 2);
            return Arrays.equals(c.data().asFloat(), new float[] {7, 10, 15, 22});
        } catch (RuntimeException | LinkageError e) {
            LOG.info("no direct BLAS ({}): matrix products go through ND4J", e.toString());
            return false;
        }
    }
}
