package io.acktr.curvature.kfac;

import io.acktr.api.numerics.Vectors;
import io.acktr.curvature.linalg.SymmetricEigen;
import io.acktr.curvature.stats.KroneckerLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The running Kronecker factors of one layer, {@code A} and {@code G} (see {@link KroneckerLayer}),
 * in double precision, and their eigendecompositions as last installed. Each installation bumps
 * {@link #basisVersion()}, so that estimators holding statistics in the old basis can tell.
 */
final class KroneckerFactors {
    private final String layer;
    private INDArray a;
    private INDArray g;
    private SymmetricEigen eigenA;
    private SymmetricEigen eigenG;
    private long basisVersion;

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
    boolean accumulate(KroneckerLayer batch, double decay) {
        if (!batch.isFinite()) {
            return false;
        }
        if (a == null) {
            a = batch.inputFactor().dup('c');
            g = batch.gradientFactor().dup('c');
        } else {
            batch.foldInputFactor(a, decay);
            batch.foldGradientFactor(g, decay);
        }
        return true;
    }

    boolean hasStatistics() {
        return a != null;
    }

    boolean hasEigenbases() {
        return eigenA != null;
    }

    /** Whether the running statistics exist and are finite. */
    boolean isFinite() {
        return a != null && Vectors.isFinite(a) && Vectors.isFinite(g);
    }

    /** Copies of {@code A} and {@code G}. */
    record Snapshot(INDArray a, INDArray g) {
    }

    /** Copies of the factors that another thread may decompose while these keep accumulating. */
    Snapshot snapshot() {
        return new Snapshot(a.dup(), g.dup());
    }

    void install(SymmetricEigen newA, SymmetricEigen newG) {
        eigenA = newA;
        eigenG = newG;
        basisVersion++;
    }

    long basisVersion() {
        return basisVersion;
    }

    INDArray a() {
        return a;
    }

    INDArray g() {
        return g;
    }

    SymmetricEigen eigenA() {
        return eigenA;
    }

    SymmetricEigen eigenG() {
        return eigenG;
    }

    /** What {@link #precondition} needs, in the gradient's data type, for one basis, damping and form. */
    private record Cached(long basisVersion, double damping, DampingForm form, DataType dataType, INDArray qa, INDArray qg,
                          INDArray inverseDenominator) {
    }

    private Cached cached;

    /**
     * {@code (F_hat)^{-1} vec(gradient)} as a {@code d_out x (d_in+1)} matrix in the gradient's data
     * type, using the eigenbases {@code V1 = Q_G^T grad Q_A; V2 = V1 / D; Delta = Q_G V2 Q_A^T} where
     * {@code D} is {@code d_G d_A^T + lambda} (eigen damping) or
     * {@code (d_G + sqrt(lambda)/pi)(d_A + pi sqrt(lambda))^T}. The bases and {@code 1 / D} are
     * prepared once per basis and damping, so that an update costs five operations per layer: four
     * products that transpose in BLAS rather than in copies, and one element-wise product.
     */
    INDArray precondition(INDArray gradient, DampingForm form, double damping) {
        Cached c = prepared(gradient.dataType(), form, damping);
        INDArray v = Nd4j.gemm(Nd4j.gemm(c.qg(), gradient, true, false), c.qa(), false, false).muli(c.inverseDenominator());
        return Nd4j.gemm(Nd4j.gemm(c.qg(), v, false, false), c.qa(), false, true);
    }

    private Cached prepared(DataType dataType, DampingForm form, double damping) {
        if (cached != null && cached.basisVersion() == basisVersion && cached.damping() == damping
                && cached.form() == form && cached.dataType() == dataType) {
            return cached;
        }
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
        cached = new Cached(basisVersion, damping, form, dataType, qa.castTo(dataType).dup('c'), qg.castTo(dataType).dup('c'),
                denominator.rdiv(1.0).castTo(dataType).dup('c'));
        return cached;
    }
}
