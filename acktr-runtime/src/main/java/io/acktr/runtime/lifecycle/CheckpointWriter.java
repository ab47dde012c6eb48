package io.acktr.runtime.lifecycle;

import static java.util.Objects.requireNonNull;

import io.acktr.api.policy.Policy;
import io.acktr.api.training.TrainingListener;
import io.acktr.api.training.UpdateMetrics;
import io.acktr.envs.wrappers.WrapperChain;

/**
 * Writes the run's checkpoint every {@code interval} updates and once when the run ends (unless
 * the last update was just written), and, when the mean return of such a checkpoint is the highest
 * so far, the same one as the run's best ({@value CheckpointStore#BEST}), which later checkpoints
 * of a run whose return falls back never replace. Listed after the listeners that report an
 * update, so a checkpoint is taken once the update's metrics are out.
 */
public final class CheckpointWriter implements TrainingListener {
    private final CheckpointStore store;
    private final CheckpointStore best;
    private double bestReturn = Double.NEGATIVE_INFINITY;
    private final Policy policy;
    private final WrapperChain wrappers;
    private final int interval;
    private UpdateMetrics last;
    private long attemptedAt = -1;

    /** @param interval updates between two checkpoints; 0 writes only the one at the end */
    public CheckpointWriter(CheckpointStore store, Policy policy, WrapperChain wrappers, int interval) {
        this.store = requireNonNull(store, "store is null");
        this.best = CheckpointStore.best(store.directory().getParent());
        this.policy = requireNonNull(policy, "policy is null");
        this.wrappers = requireNonNull(wrappers, "wrappers is null");
        if (interval < 0) {
            throw new IllegalArgumentException("interval must be >= 0, got " + interval);
        }
        this.interval = interval;
    }

    @Override
    public void onUpdate(UpdateMetrics metrics) {
        last = metrics;
        if (interval > 0 && metrics.updates() % interval == 0) {
            write(metrics);
        }
    }

    @Override
    public void onEnd() {
        if (last != null && last.updates() != attemptedAt) {
            write(last);
        }
    }

    private void write(UpdateMetrics metrics) {
        attemptedAt = metrics.updates();
        Checkpoint checkpoint = Checkpoint.capture(policy, wrappers, metrics.envSteps(), metrics.updates());
        boolean written = store.write(checkpoint);
        if (written && metrics.meanReturn() > bestReturn) { // NaN before the first episode: never best
            best.write(checkpoint);
            bestReturn = metrics.meanReturn();
        }
    }
}
