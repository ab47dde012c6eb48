package io.acktr.curvature.kfac;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Explicit dense linear algebra on plain arrays, to check the factored code against. */
final class ExplicitMatrices {
    private ExplicitMatrices() {
    }

    static double[][] kron(double[][] a, double[][] b) {
        int n = a.length;
        int m = b.length;
        double[][] k = new double[n * m][n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < m; p++) {
                    for (int q = 0; q < m; q++) {
                        k[i * m + p][j * m + q] = a[i][j] * b[p][q];
                    }
                }
            }
        }
        return k;
    }

    /** Column-major vec: stacks the columns of {@code x}. */
    static double[] vec(INDArray x) {
        int rows = (int) x.rows();
        int cols = (int) x.columns();
        double[] v = new double[rows * cols];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                v[c * rows + r] = x.getDouble(r, c);
            }
        }
        return v;
    }

    static double[][] addIdentity(double[][] m, double lambda) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
            out[i][i] += lambda;
        }
        return out;
    }

    /** Solves {@code m x = b} by Gaussian elimination with partial pivoting. */
    static double[] solve(double[][] m, double[] b) {
        int n = b.length;
        double[][] a = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, a[i], 0, n);
            a[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = a[col];
            a[col] = a[pivot];
            a[pivot] = tmp;
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int c = col; c <= n; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a[i][n] / a[i][i];
        }
        return x;
    }

    static double[][] outer(INDArray rowsBySamples) {
        int n = (int) rowsBySamples.rows();
        int d = (int) rowsBySamples.columns();
        double[][] m = new double[d][d];
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    m[i][j] += rowsBySamples.getDouble(s, i) * rowsBySamples.getDouble(s, j) / n;
                }
            }
        }
        return m;
    }
}
