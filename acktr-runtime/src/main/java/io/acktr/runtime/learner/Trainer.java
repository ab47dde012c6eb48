package io.acktr.runtime.learner;

import static java.util.Objects.requireNonNull;

import io.acktr.api.training.TrainingListener;
import io.acktr.api.training.UpdateMetrics;
import io.acktr.runtime.algorithm.AcktrUpdate;
import io.acktr.runtime.algorithm.UpdateResult;
import io.acktr.runtime.worker.Rollout;
import io.acktr.runtime.worker.RolloutCollector;
import java.util.List;
import org.bytedeco.javacpp.Pointer;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training loop: collect a rollout, update, report; until the step budget is spent.
 */
public final class Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
    /** Consecutive skipped updates after which the run stops: the parameters or data are broken. */
    static final int MAX_CONSECUTIVE_SKIPS = 20;

    private final RolloutCollector collector;
    private final AcktrUpdate update;
    private final List<TrainingListener> listeners;
    private final long totalSteps;
    private final OptionalDouble watchThreshold;

    public Trainer(RolloutCollector collector, AcktrUpdate update, List<TrainingListener> listeners, long totalSteps,
                   OptionalDouble watchThreshold) {
        this.collector = requireNonNull(collector, "collector is null");
        this.update = requireNonNull(update, "update is null");
        this.listeners = List.copyOf(listeners);
        this.totalSteps = totalSteps;
        this.watchThreshold = requireNonNull(watchThreshold, "watchThreshold is null");
    }

    public TrainingSummary run() {
        EpisodeWindow window = new EpisodeWindow(100);
        long envSteps = 0;
        long updates = 0;
        long skipped = 0;
        int consecutiveSkips = 0;
        OptionalLong reached = OptionalLong.empty();
        long start = System.nanoTime();
        long updateNanos = 0;
        try {
            while (envSteps < totalSteps) {
                Rollout rollout = collector.collect(update.policy());
                double progress = (double) envSteps / totalSteps;
                envSteps += rollout.steps();
                for (int i = 0; i < rollout.episodeReturns().length; i++) {
                    window.add(rollout.episodeReturns()[i]);
                    for (TrainingListener l : listeners) {
                        l.onEpisode(rollout.episodeReturns()[i], rollout.episodeLengths()[i]);
                    }
                }
                long updateStart = System.nanoTime();
                UpdateResult result = update.update(rollout.batch(), progress);
                updateNanos += System.nanoTime() - updateStart;
                updates++;
                if (result.applied()) {
                    consecutiveSkips = 0;
                } else {
                    skipped++;
                    consecutiveSkips++;
                    if (skipped == 1) {
                        LOG.warn("update {} skipped: {}; the parameters were left unchanged (further skips are "
                                + "counted in progress.csv, column skipped_updates)", updates, result.skipReason());
                    }
                    if (consecutiveSkips >= MAX_CONSECUTIVE_SKIPS) {
                        throw new TrainingDivergedException("training diverged: " + consecutiveSkips
                                + " consecutive updates were skipped, the last because " + result.skipReason()
                                + " (update " + updates
                                + ", env step " + envSteps + "); progress so far is kept in progress.csv");
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                UpdateMetrics metrics = new UpdateMetrics(envSteps, updates, window.count(), window.mean(), result.entropy(),
                        result.valueLoss(), result.policyLoss(), result.kl(), result.predictedKl(), result.stepSize(),
                        envSteps / Math.max(seconds, 1e-9), skipped, Pointer.physicalBytes());
                for (TrainingListener l : listeners) {
                    l.onUpdate(metrics);
                }
                if (reached.isEmpty() && watchThreshold.isPresent() && window.count() >= 100
                        && window.mean() >= watchThreshold.getAsDouble()) {
                    reached = OptionalLong.of(envSteps);
                }
            }
        } finally {
            for (TrainingListener l : listeners) {
                l.onEnd();
            }
        }
        return new TrainingSummary(envSteps, updates, window.count(), window.mean(), skipped, reached,
                updateNanos / 1e9, (System.nanoTime() - start) / 1e9);
    }
}
