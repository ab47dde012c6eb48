package io.acktr.curvature.kfac;

import io.acktr.api.state.SavedState;
import io.acktr.numerics.Elementwise;
import io.acktr.numerics.Gemm;
import io.acktr.numerics.Vectors;
import io.acktr.curvature.linalg.SymmetricEigen;
import io.acktr.curvature.stats.KroneckerLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The running Kronecker factors of one layer, {@code A} and {@code G} (see {@link KroneckerLayer}),
 * in double precision, and their eigendecompositions as last installed. Each installation bumps
 * {@link #basisVersion()}, so that estimators holding statistics in the old basis can tell.
 *
 * <p>The batches observed since the factors were last read are first summed, with their decay
 * weights, in the statistics' own data type: one product per factor and update (its lower
 * triangle only, half the arithmetic), with no conversion. Reading the factors folds that sum
 * into the double-precision running averages, so the long average is kept in double whatever the
 * policy's type.
 */
final class KroneckerFactors {
    private final String layer;
    private INDArray a;
    private INDArray g;
    private INDArray pendingA;
    private INDArray pendingG;
    private int pendingBatches;
    private double pendingDecay;
    /** The observed statistics' data type: the precision of large factors' eigendecompositions. */
    private DataType statisticsType = DataType.DOUBLE;
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
        statisticsType = batch.dataType();
        if (a == null) {
            a = batch.inputFactor().dup('c');
            g = batch.gradientFactor().dup('c');
            return true;
        }
        if (pendingBatches > 0 && (decay != pendingDecay || pendingA.dataType() != batch.dataType())) {
            fold();
        }
        if (pendingA == null || pendingA.dataType() != batch.dataType()) {
            pendingA = Nd4j.create(batch.dataType(), a.shape());
            pendingG = Nd4j.create(batch.dataType(), g.shape());
        }
        double keep = pendingBatches == 0 ? 0 : decay;
        batch.addInputFactorLower(pendingA, keep, 1 - decay);
        batch.addGradientFactorLower(pendingG, keep, 1 - decay);
        pendingDecay = decay;
        pendingBatches++;
        return true;
    }

    /** {@code A <- decay^k A + sum_j decay^(k-1-j) (1 - decay) A_j} over the k pending batches. */
    private void fold() {
        if (pendingBatches == 0) {
            return;
        }
        double carried = Math.pow(pendingDecay, pendingBatches);
        Gemm.scaleAndAddSymmetricFromLower(carried, a, pendingA);
        Gemm.scaleAndAddSymmetricFromLower(carried, g, pendingG);
        pendingBatches = 0;
    }

    boolean hasStatistics() {
        return a != null;
    }

    boolean hasEigenbases() {
        return eigenA != null;
    }

    /** Whether the running statistics exist and are finite. */
    boolean isFinite() {
        fold();
        return a != null && Vectors.isFinite(a) && Vectors.isFinite(g);
    }

    /** The factors {@code A} and {@code G} (copies, or the live ones on the thread that owns them) and the precision to decompose them in. */
    record Snapshot(INDArray a, INDArray g, DataType precision) {
        /** The eigendecompositions of both factors, eigenvalues clipped at {@code floor}. */
        Decomposed decompose(double floor) {
            return new Decomposed(SymmetricEigen.of(a, floor, precision), SymmetricEigen.of(g, floor, precision));
        }
    }

    /** The eigendecompositions of a layer's two factors. */
    record Decomposed(SymmetricEigen a, SymmetricEigen g) {
    }

    /** Copies of the factors that another thread may decompose while these keep accumulating. */
    Snapshot snapshot() {
        fold();
        return new Snapshot(a.dup(), g.dup(), statisticsType);
    }

    /** The factors themselves (not copies), for a decomposition on this thread. */
    Snapshot current() {
        fold();
        return new Snapshot(a, g, statisticsType);
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
        fold();
        return a;
    }

    INDArray g() {
        fold();
        return g;
    }

    /**
     * Multiply-adds of one {@link #precondition} with eigen damping, {@code 2 d_G d_A (d_G + d_A)}
     * for a {@code d_G x d_A} block: what it costs beside its few fixed per-operation overheads.
     */
    long preconditioningWork() {
        long da = eigenA.size();
        long dg = eigenG.size();
        return 2 * dg * da * (dg + da);
    }

    SymmetricEigen eigenA() {
        return eigenA;
    }

    SymmetricEigen eigenG() {
        return eigenG;
    }

    /**
     * What {@link #precondition} applies, in the gradient's data type, for one basis, damping and
     * form: the eigenbases and {@code 1 / D} (eigen damping), or the two damped inverses (factored
     * Tikhonov damping, whose inverse is itself a Kronecker product).
     */
    private record Cached(long basisVersion, double damping, DampingForm form, DataType dataType, INDArray qa, INDArray qg,
                          INDArray inverseDenominator, INDArray inverseA, INDArray inverseG, INDArray[] scratch) {
    }

    private Cached cached;

    /**
     * {@code (F_hat)^{-1} vec(gradient)} as a {@code d_out x (d_in+1)} matrix in the gradient's data
     * type. With eigen damping, {@code V1 = Q_G^T grad Q_A; V2 = V1 / (d_G d_A^T + lambda);
     * Delta = Q_G V2 Q_A^T}: four products and one element-wise product per update. With factored
     * Tikhonov damping, {@code Delta = (G + sqrt(lambda)/pi I)^{-1} grad (A + pi sqrt(lambda) I)^{-1}}
     * with both inverses formed from the eigendecompositions: two products per update. Either is
     * prepared once per basis and damping; the products transpose in BLAS rather than in copies.
     */
    INDArray precondition(INDArray gradient, DampingForm form, double damping) {
        Cached c = prepared(gradient.dataType(), form, damping);
        INDArray[] t = c.scratch();
        if (form == DampingForm.FACTORED_TIKHONOV) {
            Gemm.accumulate(c.inverseG(), gradient, t[0], false, false, 1, 0);
            return Gemm.product(t[0], c.inverseA(), false, false);
        }
        // the intermediates live in scratch arrays of this layer; only the direction is new
        Gemm.accumulate(c.qg(), gradient, t[0], true, false, 1, 0);
        Gemm.accumulate(t[0], c.qa(), t[1], false, false, 1, 0);
        Elementwise.multiply(t[1], c.inverseDenominator(), true); // ND4J's product, bit for bit, in a plain loop
        Gemm.accumulate(c.qg(), t[1], t[2], false, false, 1, 0);
        return Gemm.product(t[2], c.qa(), false, true);
    }

    private Cached prepared(DataType dataType, DampingForm form, double damping) {
        if (cached != null && cached.basisVersion() == basisVersion && cached.damping() == damping
                && cached.form() == form && cached.dataType() == dataType) {
            return cached;
        }
        INDArray qa = eigenA.vectors();
        INDArray qg = eigenG.vectors();
        if (form == DampingForm.EIGEN) {
            cached = new Cached(basisVersion, damping, form, dataType, inType(qa, dataType), inType(qg, dataType),
                    inverseDenominator(dataType, damping), null, null, scratch(dataType));
        } else {
            double meanA = eigenA.trace() / eigenA.size();
            double meanG = eigenG.trace() / eigenG.size();
            double pi = meanA > 0 && meanG > 0 ? Math.sqrt(meanA / meanG) : 1.0;
            double root = Math.sqrt(damping);
            cached = new Cached(basisVersion, damping, form, dataType, null, null, null,
                    inType(inverse(qa, eigenA.values(), pi * root), dataType),
                    inType(inverse(qg, eigenG.values(), root / pi), dataType), scratch(dataType));
        }
        return cached;
    }

    /**
     * {@code 1 / (d_G d_A^T + lambda)}, {@code d_out x d_in}, built in Java from the two eigenvalue
     * vectors and created in one allocation: an eigenbasis refresh then costs the training thread
     * two casts and this, not a chain of small array operations.
     */
    private INDArray inverseDenominator(DataType dataType, double damping) {
        double[] da = eigenA.values().toDoubleVector();
        double[] dg = eigenG.values().toDoubleVector();
        double[] inverse = new double[dg.length * da.length];
        fillInverseDenominator(dg, da, damping, inverse);
        return Nd4j.create(inverse, new long[] {dg.length, da.length}, dataType);
    }

    /**
     * The loop on its own: it runs once per refresh, long enough for HotSpot to compile it on the
     * stack (OSR), and a small method compiles in a fraction of the time its caller with the array
     * calls inlined took (200-240 ms of C2 twice over, in a 100,000-step run).
     */
    private static void fillInverseDenominator(double[] dg, double[] da, double damping, double[] inverse) {
        for (int i = 0; i < dg.length; i++) {
            for (int j = 0; j < da.length; j++) {
                inverse[i * da.length + j] = 1.0 / (dg[i] * da[j] + damping);
            }
        }
    }

    /** The previous preparation's scratch arrays when they fit (the layer's shape never changes), else new ones. */
    private INDArray[] scratch(DataType dataType) {
        if (cached != null && cached.scratch()[0].dataType() == dataType) {
            return cached.scratch();
        }
        long[] shape = {eigenG.size(), eigenA.size()};
        return new INDArray[] {Nd4j.create(dataType, shape), Nd4j.create(dataType, shape), Nd4j.create(dataType, shape)};
    }

    /** {@code Q diag(1 / (d + shift)) Q^T}, in double. */
    private static INDArray inverse(INDArray q, INDArray d, double shift) {
        INDArray scaledColumns = Elementwise.scaleColumns(q, d.reshape(1, d.length()).add(shift).rdivi(1.0), false);
        return Nd4j.gemm(scaledColumns, q, false, true);
    }

    /** A c-order copy of the array in the data type, in one operation where a cast is needed. */
    private static INDArray inType(INDArray array, DataType dataType) {
        INDArray cast = array.castTo(dataType);
        return cast != array && cast.ordering() == 'c' ? cast : cast.dup('c');
    }

    /**
     * The running factors, the batches not yet folded into them, and the installed eigenbases, as
     * they are: saving folds nothing, so a run that saves computes what one that does not computes.
     */
    SavedState save() {
        SavedState state = SavedState.empty().with("pending-batches", pendingBatches).with("pending-decay", pendingDecay)
                .with("basis-version", basisVersion).with("statistics-type", Nd4j.zeros(statisticsType, 1));
        state = a == null ? state : state.with("a", a.dup('c')).with("g", g.dup('c'));
        state = pendingA == null ? state : state.with("pending-a", pendingA.dup('c')).with("pending-g", pendingG.dup('c'));
        return eigenA == null ? state : state.with("eigen-a/", save(eigenA)).with("eigen-g/", save(eigenG));
    }

    static SavedState save(SymmetricEigen eigen) {
        return SavedState.empty().with("vectors", eigen.vectors().dup('c')).with("values", eigen.values().dup());
    }

    static SymmetricEigen restoreEigen(SavedState state) {
        return new SymmetricEigen(state.array("vectors").dup('c'), state.array("values").dup());
    }

    void restore(SavedState state) {
        pendingBatches = Math.toIntExact(state.whole("pending-batches"));
        pendingDecay = state.scalar("pending-decay");
        basisVersion = state.whole("basis-version");
        statisticsType = state.array("statistics-type").dataType();
        a = state.hasArray("a") ? state.array("a").dup('c') : null;
        g = state.hasArray("g") ? state.array("g").dup('c') : null;
        pendingA = state.hasArray("pending-a") ? state.array("pending-a").dup('c') : null;
        pendingG = state.hasArray("pending-g") ? state.array("pending-g").dup('c') : null;
        eigenA = state.hasArray("eigen-a/vectors") ? restoreEigen(state.part("eigen-a/")) : null;
        eigenG = state.hasArray("eigen-g/vectors") ? restoreEigen(state.part("eigen-g/")) : null;
        cached = null;
    }
}
