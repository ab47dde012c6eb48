package io.acktr.curvature.kfac;

import io.acktr.curvature.linalg.SymmetricEigen;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The running Kronecker factors of one dense layer, {@code A = E[abar abar^T]} and
 * {@code G = E[g g^T]}, in double precision, and their eigendecompositions as last refreshed.
 */
final class KroneckerFactors {
    private final String layer;
    private INDArray a;
    private INDArray g;
    private SymmetricEigen eigenA;
    private SymmetricEigen eigenG;

    KroneckerFactors(String layer) {
        this.layer = layer;
    }

    String layer() {
        return layer;
    }

    /**
     * Folds in one batch: {@code A <- decay A + (1 - decay) A_batch} (the first batch sets A).
     * Returns false, and leaves the factors untouched, when the batch's factors are not finite.
     */
    boolean accumulate(INDArray activations, INDArray preActivationGradients, double decay) {
        INDArray abar = activations.castTo(DataType.DOUBLE);
        INDArray grad = preActivationGradients.castTo(DataType.DOUBLE);
        double n = abar.rows();
        INDArray batchA = abar.transpose().mmul(abar).divi(n);
        INDArray batchG = grad.transpose().mmul(grad).divi(n);
        if (!Double.isFinite(batchA.sumNumber().doubleValue()) || !Double.isFinite(batchG.sumNumber().doubleValue())) {
            return false;
        }
        if (a == null) {
            a = batchA;
            g = batchG;
        } else {
            a.muli(decay).addi(batchA.muli(1 - decay));
            g.muli(decay).addi(batchG.muli(1 - decay));
        }
        return true;
    }

    boolean hasStatistics() {
        return a != null;
    }

    boolean hasEigenbases() {
        return eigenA != null;
    }

    /** Whether the running statistics are finite. */
    boolean isFinite() {
        return a != null && !(a.isNaN().any() || a.isInfinite().any() || g.isNaN().any() || g.isInfinite().any());
    }

    void refreshEigenbases(double eigenvalueFloor) {
        eigenA = SymmetricEigen.of(a, eigenvalueFloor);
        eigenG = SymmetricEigen.of(g, eigenvalueFloor);
    }

    INDArray a() {
        return a;
    }

    SymmetricEigen eigenA() {
        return eigenA;
    }

    SymmetricEigen eigenG() {
        return eigenG;
    }

    INDArray g() {
        return g;
    }

    /**
     * {@code (F_hat)^{-1} vec(gradient)} as a {@code d_out x (d_in+1)} matrix, using the eigenbases
     * {@code V1 = Q_G^T grad Q_A; V2 = V1 / D; Delta = Q_G V2 Q_A^T} where {@code D} is
     * {@code d_G d_A^T + lambda} (eigen damping) or {@code (d_G + sqrt(lambda)/pi)(d_A + pi sqrt(lambda))^T}.
     */
    INDArray precondition(INDArray gradient, DampingForm form, double damping) {
        INDArray qa = eigenA.vectors();
        INDArray qg = eigenG.vectors();
        INDArray da = eigenA.values();
        INDArray dg = eigenG.values();
        INDArray denominator;
        if (form == DampingForm.EIGEN) {
            denominator = dg.mmul(da.transpose()).addi(damping);
        } else {
            double meanA = eigenA.trace() / eigenA.size();
            double meanG = eigenG.trace() / eigenG.size();
            double pi = meanA > 0 && meanG > 0 ? Math.sqrt(meanA / meanG) : 1.0;
            double root = Math.sqrt(damping);
            denominator = dg.add(root / pi).mmul(da.add(pi * root).transpose());
        }
        INDArray v1 = qg.transpose().mmul(gradient.castTo(DataType.DOUBLE)).mmul(qa);
        return qg.mmul(v1.divi(denominator)).mmul(qa.transpose());
    }
}
