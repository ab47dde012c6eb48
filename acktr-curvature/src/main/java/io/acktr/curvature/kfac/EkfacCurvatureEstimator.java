package io.acktr.curvature.kfac;

import io.acktr.api.state.Stateful;
import io.acktr.api.state.SavedState;
import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.CurvatureEstimator;
import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.CurvatureRequirements;
import io.acktr.api.curvature.FisherPass;
import io.acktr.api.curvature.FisherSample;
import io.acktr.api.curvature.Gradient;
import io.acktr.api.step.StepFeedback;
import io.acktr.api.step.StepFeedbackListener;
import io.acktr.curvature.stats.KroneckerLayer;
import io.acktr.curvature.stats.RunningDiagonal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Eigenvalue-corrected K-FAC (George et al. 2018). It keeps K-FAC's eigenbases {@code Q_A},
 * {@code Q_G}, refreshed every {@code inverse-interval} updates (on a background thread with
 * {@code async}), and replaces the Kronecker eigenvalues {@code d_G d_A^T} by the second moment of
 * the per-sample gradients projected on that basis, {@code E[(Q_G^T G_i Q_A)^2]}, re-estimated
 * every update with matrix products (for a dense layer
 * {@code ((g Q_G) o (g Q_G))^T ((abar Q_A) o (abar Q_A)) / N}; for a convolution one batched
 * product over the patches), never a per-sample loop. The scales restart when a new basis is
 * installed. Blocks without Kronecker structure use a running diagonal Fisher.
 */
public final class EkfacCurvatureEstimator implements CurvatureEstimator, StepFeedbackListener, Stateful {
    public static final String NAME = "ekfac";

    private final EkfacSettings settings;
    private final KroneckerStatistics statistics;
    private final Map<String, Scales> scales = new LinkedHashMap<>();
    private final AdaptiveDamping damping;
    private final DeferredFisherPass deferred;

    /** The running scales of one layer, valid for one eigenbasis version. */
    private record Scales(long basisVersion, RunningDiagonal values) {
    }

    public EkfacCurvatureEstimator(EkfacSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
        this.statistics = new KroneckerStatistics(NAME, settings.inverseInterval(), 1, settings.eigenvalueFloor(),
                settings.async());
        this.damping = new AdaptiveDamping(settings.damping(), settings.levenbergMarquardt());
        this.deferred = new DeferredFisherPass(statistics, this::observeNow);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Layer statistics of the configured Fisher; every step's outcome when the damping adapts. */
    @Override
    public CurvatureRequirements requirements() {
        return CurvatureRequirements.statistics(settings.fisher()).withFeedbackEveryUpdate(damping.adapts());
    }

    /** Runs the pass now, or with {@code async} on the statistics thread while the trainer computes the loss gradient. */
    @Override
    public void observe(FisherPass pass) {
        deferred.start(pass);
    }

    private void observeNow(FisherSample sample) {
        double decay = settings.statsDecay();
        Map<String, KroneckerLayer> layers = statistics.observe(sample, decay);
        layers.forEach((name, layer) -> {
            KroneckerFactors f = statistics.factors(name);
            if (f.hasEigenbases()) {
                currentScales(name, f).fold(name,
                        layer.projectedMeanSquare(f.eigenG().vectors(), f.eigenA().vectors()), decay);
            }
        });
    }

    private RunningDiagonal currentScales(String layer, KroneckerFactors f) {
        Scales s = scales.get(layer);
        if (s == null || s.basisVersion() != f.basisVersion()) {
            s = new Scales(f.basisVersion(), new RunningDiagonal(NAME));
            scales.put(layer, s);
        }
        return s.values();
    }

    @Override
    public Direction precondition(Gradient gradient) {
        deferred.observePending();
        Map<String, INDArray> blocks = new LinkedHashMap<>();
        boolean preconditioning = statistics.observations() > settings.warmupUpdates();
        for (Map.Entry<String, INDArray> e : gradient.blocks().entrySet()) {
            blocks.put(e.getKey(), preconditioning ? preconditionBlock(e.getKey(), e.getValue()) : e.getValue());
        }
        return Direction.blockDiagonal(gradient, blocks);
    }

    /** Adapts the damping (Levenberg-Marquardt) to what the step did, when it adapts. */
    @Override
    public void observe(StepFeedback feedback) {
        damping.observe(feedback);
    }

    /** Stops the background threads (async): queued work is dropped, a running decomposition finishes. */
    @Override
    public void close() {
        statistics.close();
    }

    /** The damping the next direction will use. */
    public double currentDamping() {
        return damping.current();
    }

    /**
     * Uses the basis the scales were estimated in: a background refresh is installed only at the
     * next observation, when the scales restart in the new basis.
     */
    private INDArray preconditionBlock(String name, INDArray gradient) {
        KroneckerFactors layer = statistics.factors(name);
        RunningDiagonal diagonals = statistics.diagonals();
        Scales scale = scales.get(name);
        if (layer != null && scale != null && scale.basisVersion() == layer.basisVersion() && scale.values().has(name)) {
            INDArray qa = layer.eigenA().vectors();
            INDArray qg = layer.eigenG().vectors();
            INDArray v1 = qg.transpose().mmul(gradient.castTo(DataType.DOUBLE)).mmul(qa);
            return qg.mmul(scale.values().precondition(name, v1, damping.current())).mmul(qa.transpose())
                    .castTo(gradient.dataType());
        }
        if (diagonals.has(name)) {
            return diagonals.precondition(name, gradient, damping.current());
        }
        throw new IllegalStateException("ekfac has no curvature statistics for parameter block " + name);
    }

    /** The layer's Fisher block as EKFAC models it, {@code (Q_A ⊗ Q_G) diag(scales) (Q_A ⊗ Q_G)^T}, for tests. */
    double[][] modelledFisher(String layer) {
        deferred.observePending();
        KroneckerFactors f = statistics.factors(layer);
        return KroneckerModels.fromEigenbasis(f.eigenG().vectors(), f.eigenA().vectors(),
                scales.get(layer).values().get(layer));
    }

    /** K-FAC's {@code A ⊗ G} of the same statistics, in the same order, for tests. */
    double[][] kroneckerFisher(String layer) {
        deferred.observePending();
        KroneckerFactors f = statistics.settled(layer);
        return KroneckerModels.kronecker(f.g(), f.a());
    }

    /** What K-FAC saves, and each layer's scales with the basis version they belong to. */
    @Override
    public SavedState saveState() {
        deferred.observePending();
        SavedState state = SavedState.prefixed("statistics/", statistics.save()).with("damping", damping.saved());
        int i = 0;
        for (Map.Entry<String, Scales> layer : scales.entrySet()) {
            state = state.with("scale-layer/" + layer.getKey(), i)
                    .with("scales/" + i + "/basis-version", layer.getValue().basisVersion())
                    .with("scales/" + i + "/values/", layer.getValue().values().save());
            i++;
        }
        return state;
    }

    @Override
    public void restoreState(SavedState state) {
        deferred.observePending();
        double lambda = state.scalar("damping");
        statistics.restore(state.part("statistics/"));
        scales.clear();
        Map<Integer, String> layers = new java.util.TreeMap<>();
        state.scalars().forEach((key, index) -> {
            if (key.startsWith("scale-layer/")) {
                layers.put(index.intValue(), key.substring("scale-layer/".length()));
            }
        });
        layers.forEach((index, layer) -> {
            RunningDiagonal values = new RunningDiagonal(NAME);
            values.restore(state.part("scales/" + index + "/values/"));
            scales.put(layer, new Scales(state.whole("scales/" + index + "/basis-version"), values));
        });
        damping.restore(lambda);
    }
}
