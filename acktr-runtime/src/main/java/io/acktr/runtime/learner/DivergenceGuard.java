package io.acktr.runtime.learner;

import static java.util.Objects.requireNonNull;

import io.acktr.api.policy.ParameterBlock;
import io.acktr.api.policy.Policy;
import io.acktr.runtime.algorithm.UpdateResult;
import io.acktr.runtime.settings.DivergenceSettings;
import io.acktr.numerics.Vectors;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells a finite blow-up from training: an applied update whose loss magnitude exceeds
 * {@link DivergenceSettings#lossFactor()} times the largest loss of the run so far, or whose
 * parameter norm exceeds {@link DivergenceSettings#parameterNormFactor()} times its running average
 * (after the warm-up). The loss is measured against its largest value, not a recent average: in
 * reinforcement learning the loss legitimately falls by orders of magnitude once a task is solved
 * (a critic that fits CartPole's constant returns reaches 1e-5) and jumps back to the scale it had
 * while learning when one episode fails, which is not a blow-up; a blow-up grows past any scale the
 * run has shown. Both references follow only updates that did not diverge, so a blow-up never
 * becomes the new normal. When
 * {@link DivergenceSettings#watchesReturn()}, it also tells a late collapse of the mean return
 * ({@link #checkReturn}).
 */
final class DivergenceGuard {
    private final DivergenceSettings settings;
    /** The largest loss magnitude of the updates that did not diverge. */
    private double lossReference = Double.NaN;
    private double normReference = Double.NaN;
    private long seen;
    /** The mean return of the first full window (since the last rollback) and the highest since; NaN before. */
    private double startReturn = Double.NaN;
    private double peakReturn = Double.NaN;

    DivergenceGuard(DivergenceSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    DivergenceSettings settings() {
        return settings;
    }

    /** Why the update that produced {@code result} and left {@code policy}'s parameters diverged, if it did. */
    Optional<String> check(UpdateResult result, Policy policy) {
        if (!result.applied()) {
            return Optional.empty();
        }
        return check(Math.abs(result.policyLoss()) + Math.abs(result.valueLoss()), parameterNorm(policy));
    }

    /** Why an applied update of loss magnitude {@code loss} that left the parameter norm at {@code norm} diverged, if it did. */
    Optional<String> check(double loss, double norm) {
        if (!Double.isFinite(loss) || !Double.isFinite(norm)) {
            return Optional.of(String.format(Locale.ROOT, "the loss (%g) or the parameter norm (%g) is not finite", loss, norm));
        }
        if (seen >= settings.warmupUpdates()) {
            if (loss > settings.minLoss() && loss > settings.lossFactor() * lossReference) {
                return Optional.of(String.format(Locale.ROOT, "the loss |policy| + |value| = %.6g is %.3g times the largest"
                        + " of the run so far, %.6g (acktr.divergence.loss-factor = %g)", loss, loss / lossReference, lossReference,
                        settings.lossFactor()));
            }
            if (norm > settings.parameterNormFactor() * normReference) {
                return Optional.of(String.format(Locale.ROOT, "the parameter norm %.6g is %.3g times its running reference"
                        + " %.6g (acktr.divergence.parameter-norm-factor = %g)", norm, norm / normReference, normReference,
                        settings.parameterNormFactor()));
            }
        }
        double decay = settings.referenceDecay();
        lossReference = seen == 0 ? loss : Math.max(lossReference, loss);
        normReference = seen == 0 ? norm : decay * normReference + (1 - decay) * norm;
        seen++;
        return Optional.empty();
    }

    /**
     * Why the mean return of the last {@code window} episodes, {@code mean} after {@code episodes}
     * episodes, has collapsed, if it has: it fell back by more than {@code return-collapse} of what
     * the run gained from its first full window to its peak.
     */
    Optional<String> checkReturn(long episodes, int window, double mean) {
        if (!settings.watchesReturn() || episodes < window || !Double.isFinite(mean)) {
            return Optional.empty();
        }
        if (Double.isNaN(startReturn)) {
            startReturn = mean;
            peakReturn = mean;
            return Optional.empty();
        }
        peakReturn = Math.max(peakReturn, mean);
        double gained = peakReturn - startReturn;
        if (gained > 0 && mean < peakReturn - settings.returnCollapse() * gained) {
            return Optional.of(String.format(Locale.ROOT, "the mean return of the last %d episodes fell to %.6g from its"
                    + " peak %.6g, losing %.0f%% of what the run gained since %.6g (acktr.divergence.return-collapse = %g)",
                    window, mean, peakReturn, 100 * (peakReturn - mean) / gained, startReturn, settings.returnCollapse()));
        }
        return Optional.empty();
    }

    /** Watches the mean return afresh from {@code mean}, after the best parameters were put back. */
    void rearmReturn(double mean) {
        startReturn = mean;
        peakReturn = mean;
    }

    static double parameterNorm(Policy policy) {
        double squares = 0;
        for (ParameterBlock block : policy.parameters()) {
            squares += Vectors.dot(block.value(), block.value()); // one BLAS call, not a reduction through ND4J
        }
        return Math.sqrt(squares);
    }

    /** The references and how many updates they follow, for a checkpoint. */
    io.acktr.api.state.SavedState save() {
        return io.acktr.api.state.SavedState.empty().with("loss-reference", lossReference)
                .with("norm-reference", normReference).with("seen", seen).with("start-return", startReturn)
                .with("peak-return", peakReturn);
    }

    void restore(io.acktr.api.state.SavedState state) {
        lossReference = state.scalar("loss-reference");
        normReference = state.scalar("norm-reference");
        seen = state.whole("seen");
        if (state.hasScalar("start-return")) { // checkpoints before the return was watched: from scratch
            startReturn = state.scalar("start-return");
            peakReturn = state.scalar("peak-return");
        }
    }
}
