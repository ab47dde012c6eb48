package io.acktr.curvature.kfac;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Explicit {@code P x P} forms of Kronecker-structured Fisher blocks, indexed like a row-major
 * {@code vec(W)} of a {@code d_out x (d_in + 1)} weight matrix ({@code j * (d_in + 1) + k}). Small
 * layers only: for tests and diagnostics.
 */
final class KroneckerModels {
    private KroneckerModels() {
    }

    /** {@code F[(j,k),(j',k')] = G[j,j'] A[k,k']}. */
    static double[][] kronecker(INDArray g, INDArray a) {
        int out = (int) g.rows();
        int in = (int) a.rows();
        double[][] f = new double[out * in][out * in];
        for (int j = 0; j < out; j++) {
            for (int k = 0; k < in; k++) {
                for (int j2 = 0; j2 < out; j2++) {
                    for (int k2 = 0; k2 < in; k2++) {
                        f[j * in + k][j2 * in + k2] = g.getDouble(j, j2) * a.getDouble(k, k2);
                    }
                }
            }
        }
        return f;
    }

    /** {@code F[(j,k),(j',k')] = sum_{p,q} QG[j,p] QA[k,q] s[p,q] QG[j',p] QA[k',q]}. */
    static double[][] fromEigenbasis(INDArray qg, INDArray qa, INDArray s) {
        int out = (int) qg.rows();
        int in = (int) qa.rows();
        double[][] f = new double[out * in][out * in];
        for (int j = 0; j < out; j++) {
            for (int k = 0; k < in; k++) {
                for (int j2 = 0; j2 < out; j2++) {
                    for (int k2 = 0; k2 < in; k2++) {
                        double sum = 0;
                        for (int p = 0; p < out; p++) {
                            for (int q = 0; q < in; q++) {
                                sum += qg.getDouble(j, p) * qa.getDouble(k, q) * s.getDouble(p, q)
                                        * qg.getDouble(j2, p) * qa.getDouble(k2, q);
                            }
                        }
                        f[j * in + k][j2 * in + k2] = sum;
                    }
                }
            }
        }
        return f;
    }
}
