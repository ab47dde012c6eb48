package io.acktr.curvature.kfac;

import io.acktr.api.curvature.FisherPass;
import io.acktr.api.curvature.FisherSample;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A Fisher pass given to {@code observe}: started at once (with {@code async}, on the
 * statistics thread, where it overlaps the trainer's loss gradient) and handed to the estimator's
 * observer when the estimator next needs its statistics in order: at the next observation or
 * {@code precondition}, before the trainer changes the parameters the pass reads.
 */
final class DeferredFisherPass {
    private final KroneckerStatistics statistics;
    private final Consumer<FisherSample> observer;
    private CompletableFuture<FisherSample> pending;

    DeferredFisherPass(KroneckerStatistics statistics, Consumer<FisherSample> observer) {
        this.statistics = statistics;
        this.observer = observer;
    }

    void start(FisherPass pass) {
        observePending();
        pending = statistics.start(pass::run);
    }

    /** Observes the started pass if it has finished, without waiting: whether none is left pending. */
    boolean observeIfFinished() {
        if (pending != null && pending.isDone()) {
            observePending();
        }
        return pending == null;
    }

    /** Waits for the started pass, if any, and observes it. */
    void observePending() {
        if (pending != null) {
            FisherSample sample = EigenbasisSchedule.join(pending);
            pending = null;
            observer.accept(sample);
        }
    }
}
