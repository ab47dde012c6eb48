package io.acktr.policies.layers;

import static java.util.Objects.requireNonNull;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Orthogonal initialisation as in {@code torch.nn.init.orthogonal_} (used by stable-baselines3):
 * the QR factor of a Gaussian matrix, made unique by a positive diagonal of R, times a gain. A
 * {@code rows x cols} result has orthonormal rows when {@code rows <= cols} ({@code W W^T = gain^2 I})
 * and orthonormal columns otherwise ({@code W^T W = gain^2 I}).
 */
public final class OrthogonalInitializer {
    private OrthogonalInitializer() {
    }

    /**
     * A {@code rows x (cols + 1)} weight matrix: an orthogonal {@code rows x cols} part drawn from
     * {@code random}, then a zero bias column.
     */
    public static INDArray withZeroBias(int rows, int cols, double gain, Random random, DataType dataType) {
        requireNonNull(random, "random is null");
        requireNonNull(dataType, "dataType is null");
        double[][] w = orthogonal(rows, cols, gain, random);
        double[] flat = new double[rows * (cols + 1)];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(w[i], 0, flat, i * (cols + 1), cols);
        }
        return Nd4j.create(flat, new long[] {rows, cols + 1L}, DataType.DOUBLE).castTo(dataType);
    }

    /** A {@code rows x cols} matrix, row-major, drawn from {@code random}. */
    public static double[][] orthogonal(int rows, int cols, double gain, Random random) {
        boolean wide = rows < cols;
        int tall = Math.max(rows, cols);
        int narrow = Math.min(rows, cols);
        double[][] columns = new double[narrow][tall];
        for (int i = 0; i < tall; i++) {
            for (int j = 0; j < narrow; j++) {
                columns[j][i] = random.nextGaussian();
            }
        }
        gramSchmidt(columns);
        double[][] result = new double[rows][cols];
        for (int j = 0; j < narrow; j++) {
            for (int i = 0; i < tall; i++) {
                double v = gain * columns[j][i];
                if (wide) {
                    result[j][i] = v;
                } else {
                    result[i][j] = v;
                }
            }
        }
        return result;
    }

    /** Modified Gram-Schmidt with re-orthogonalisation: the Q of a QR with positive diag(R). */
    private static void gramSchmidt(double[][] columns) {
        for (int j = 0; j < columns.length; j++) {
            double[] v = columns[j];
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < j; p++) {
                    double dot = dot(columns[p], v);
                    for (int i = 0; i < v.length; i++) {
                        v[i] -= dot * columns[p][i];
                    }
                }
            }
            double norm = Math.sqrt(dot(v, v));
            if (norm == 0) {
                throw new IllegalStateException("degenerate random matrix in orthogonal initialisation");
            }
            for (int i = 0; i < v.length; i++) {
                v[i] /= norm;
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
