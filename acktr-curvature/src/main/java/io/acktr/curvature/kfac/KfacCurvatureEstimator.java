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
import io.acktr.api.curvature.GradientBlockListener;
import io.acktr.api.step.StepFeedback;
import io.acktr.api.step.StepFeedbackListener;
import io.acktr.curvature.stats.RunningDiagonal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * K-FAC (Martens and Grosse 2015) for dense layers and KFC (Grosse and Martens 2016) for
 * convolutions: each layer's Fisher block is approximated by {@code A ⊗ G}, kept as running
 * averages and inverted through eigendecompositions refreshed every {@code inverse-interval}
 * observations. Every {@code statistics-interval}-th update feeds the factors (the ones between
 * skip the Fisher pass). With {@code async}, the Fisher pass, the statistics and the
 * decompositions run on background threads, and so does the preconditioning of the large layers'
 * gradient blocks that the trainer's backward pass tells early ({@link #gradientReady}). Blocks
 * without Kronecker structure (e.g. a Gaussian log-std) get a running diagonal Fisher
 * {@code E[g^2]}. During the first
 * {@code warmup-updates} observations the statistics only accumulate and the direction is the
 * plain gradient. The damping is fixed or adapted by the Levenberg-Marquardt rule.
 */
public final class KfacCurvatureEstimator implements CurvatureEstimator, GradientBlockListener, StepFeedbackListener,
        Stateful {
    public static final String NAME = "kfac";

    private final KfacSettings settings;
    private final KroneckerStatistics statistics;
    private final AdaptiveDamping damping;
    private final DeferredFisherPass deferred;
    private final EarlyPreconditioning early;

    public KfacCurvatureEstimator(KfacSettings settings) {
        this(settings, EarlyPreconditioning.MIN_WORK);
    }

    /** With the smallest preconditioning work worth handing to the background thread, for tests. */
    KfacCurvatureEstimator(KfacSettings settings, long minEarlyWork) {
        this.settings = requireNonNull(settings, "settings is null");
        this.statistics = new KroneckerStatistics(NAME, settings.inverseInterval(), settings.statisticsInterval(),
                settings.eigenvalueFloor(), settings.async());
        this.early = new EarlyPreconditioning(statistics::preconditioningThread, minEarlyWork);
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

    /**
     * Runs the pass now, or with {@code async} on the statistics thread while the trainer computes
     * the loss gradient; on an update that {@code statistics-interval} leaves out, never.
     */
    @Override
    public void observe(FisherPass pass) {
        deferred.observePending();
        if (statistics.foldsNext()) {
            deferred.start(pass);
        } else {
            statistics.skip();
        }
    }

    private void observeNow(FisherSample sample) {
        statistics.observe(sample, settings.statsDecay());
    }

    /** Whether the warm-up is over and directions are preconditioned. */
    public boolean isPreconditioning() {
        return statistics.observations() > settings.warmupUpdates();
    }

    /**
     * With {@code async}, starts preconditioning a large Kronecker layer's block on the
     * preconditioning thread, once this update's Fisher pass has been observed (a pass still running
     * leaves the block to {@link #precondition}, and so does a small block: see
     * {@link EarlyPreconditioning#MIN_WORK}). The first block of an update installs the finished
     * eigenbases, as {@code precondition} would.
     */
    @Override
    public void gradientReady(String block, INDArray gradient) {
        if (!settings.async() || !deferred.observeIfFinished() || !isPreconditioning()) {
            return;
        }
        if (early.isIdle()) {
            statistics.installFinished();
        }
        KroneckerFactors layer = statistics.factors(block);
        if (layer != null && layer.hasEigenbases() && early.isWorthIt(layer.preconditioningWork())) {
            DampingForm form = settings.dampingForm();
            double lambda = damping.current();
            early.start(block, gradient, () -> layer.precondition(gradient, form, lambda));
        }
    }

    @Override
    public Direction precondition(Gradient gradient) {
        deferred.observePending();
        if (early.isIdle()) {
            statistics.installFinished();
        }
        Map<String, INDArray> blocks = new LinkedHashMap<>();
        boolean preconditioning = isPreconditioning();
        try {
            for (Map.Entry<String, INDArray> e : gradient.blocks().entrySet()) {
                INDArray direction = preconditioning ? early.take(e.getKey(), e.getValue()) : e.getValue();
                if (direction == null) {
                    direction = preconditionBlock(e.getKey(), e.getValue());
                }
                blocks.put(e.getKey(), direction);
            }
        } finally {
            early.discardRest();
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

    private INDArray preconditionBlock(String name, INDArray gradient) {
        KroneckerFactors layer = statistics.factors(name);
        RunningDiagonal diagonals = statistics.diagonals();
        if (layer != null && layer.hasEigenbases()) {
            return layer.precondition(gradient, settings.dampingForm(), damping.current());
        }
        if (diagonals.has(name)) {
            return diagonals.precondition(name, gradient, damping.current());
        }
        throw new IllegalStateException("kfac has no curvature statistics for parameter block " + name
                + "; blocks with statistics: " + String.join(", ", statistics.allFactors().keySet()) + ", "
                + String.join(", ", diagonals.blocks()));
    }

    /** Waits for a background eigendecomposition and installs it, for tests. */
    void awaitBackgroundRefresh() {
        deferred.observePending();
        statistics.awaitBackground();
    }

    /** Number of eigendecompositions started off the training thread. */
    public long backgroundRefreshes() {
        return statistics.backgroundRefreshes();
    }

    /** The background threads (async), once opened, for tests. */
    java.util.Optional<BackgroundThreads> backgroundThreads() {
        return statistics.backgroundThreads();
    }

    /** Number of blocks whose direction was computed early, on the preconditioning thread, for tests. */
    long earlyDirections() {
        return early.used();
    }

    /** The running factor {@code A} of a layer, for tests and diagnostics. */
    public INDArray factorA(String layer) {
        deferred.observePending();
        return statistics.settled(layer).a().dup();
    }

    /** The running factor {@code G} of a layer, for tests and diagnostics. */
    public INDArray factorG(String layer) {
        deferred.observePending();
        return statistics.settled(layer).g().dup();
    }

    /** The version of a layer's installed eigenbasis (0 before the first), for tests. */
    long basisVersion(String layer) {
        return statistics.factors(layer).basisVersion();
    }

    /**
     * The running factors and the batches not yet folded into them, the installed eigenbases and
     * their versions, the diagonal Fisher of the other blocks, the observation count, the refresh
     * schedule and the damping. With {@code async}, queued statistics are waited for and a refresh
     * under way is saved as pending.
     */
    @Override
    public SavedState saveState() {
        deferred.observePending();
        return SavedState.prefixed("statistics/", statistics.save()).with("damping", damping.saved());
    }

    @Override
    public void restoreState(SavedState state) {
        deferred.observePending();
        double lambda = state.scalar("damping");
        statistics.restore(state.part("statistics/"));
        damping.restore(lambda);
    }
}
