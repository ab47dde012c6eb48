package io.acktr.runtime.lifecycle;

import static java.util.Objects.requireNonNull;

import io.acktr.api.policy.Policy;
import io.acktr.api.state.SavedState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import io.acktr.runtime.bus.RunEndListener;
import io.acktr.runtime.bus.RunEnded;
import io.acktr.api.training.UpdateMetrics;
import io.acktr.envs.wrappers.WrapperChain;

/**
 * Writes the run's checkpoint every {@code interval} updates and once when the run ends (unless
 * the last update was just written), and, when the mean return of such a checkpoint is the highest
 * so far, the same one as the run's best ({@value CheckpointStore#BEST}), which later checkpoints
 * of a run whose return falls back never replace. Listed after the listeners that report an
 * update, so a checkpoint is taken once the update's metrics are out.
 */
public final class CheckpointWriter implements RunEndListener {
    private final CheckpointStore store;
    private final CheckpointStore best;
    private double bestReturn = Double.NEGATIVE_INFINITY;
    private final Policy policy;
    private final WrapperChain wrappers;
    private final int interval;
    private UpdateMetrics last;
    private long attemptedAt = -1;

    /** The component of the training state that holds this writer's own: the best mean return so far. */
    public static final String CHECKPOINTS = "checkpoints";

    private final Supplier<Map<String, SavedState>> trainingState;

    /** @param interval updates between two checkpoints; 0 writes only the one at the end */
    public CheckpointWriter(CheckpointStore store, Policy policy, WrapperChain wrappers, int interval) {
        this(store, policy, wrappers, interval, Map::of);
    }

    /**
     * A writer of checkpoints a run can resume from.
     *
     * @param trainingState the run's training state between two updates (asked on this listener's
     *     thread while the learner waits for it), stored with the parameters; empty for none
     */
    public CheckpointWriter(CheckpointStore store, Policy policy, WrapperChain wrappers, int interval,
                            Supplier<Map<String, SavedState>> trainingState) {
        this.trainingState = requireNonNull(trainingState, "trainingState is null");
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
        if (writesAfter(metrics.updates())) {
            write(metrics);
        }
    }

    /**
     * Whether this writer checkpoints the run after update {@code updates}, reading the training
     * state then: the learner waits for it before the next rollout moves the environments on.
     */
    public boolean writesAfter(long updates) {
        return interval > 0 && updates % interval == 0;
    }

    @Override
    public void onEnd() {
        if (last != null && last.updates() != attemptedAt) {
            write(last);
        }
    }

    /**
     * Writes the final checkpoint, unless the run failed after an update it never reported: the
     * parameters are then not those of the last reported update (they may have diverged), and the
     * last checkpoint written stays the run's.
     */
    @Override
    public void onEnd(RunEnded ended) {
        if (ended.failed() && last != null && ended.updates() > last.updates()) {
            return;
        }
        onEnd();
    }

    /** A resumed run's writer continues from its saved best return, so {@value CheckpointStore#BEST} is replaced only by a better one. */
    public void restoreState(Map<String, SavedState> state) {
        SavedState own = state.get(CHECKPOINTS);
        if (own != null) {
            bestReturn = own.scalar("best-return");
        }
    }

    private void write(UpdateMetrics metrics) {
        attemptedAt = metrics.updates();
        boolean isBest = metrics.meanReturn() > bestReturn; // NaN before the first episode: never best
        double newBest = isBest ? metrics.meanReturn() : bestReturn;
        Map<String, SavedState> state = new LinkedHashMap<>(trainingState.get());
        if (!state.isEmpty()) {
            state.put(CHECKPOINTS, SavedState.empty().with("best-return", newBest));
        }
        Checkpoint checkpoint = Checkpoint.capture(policy, wrappers, metrics.envSteps(), metrics.updates())
                .withTrainingState(state);
        boolean written = store.write(checkpoint);
        if (written && isBest) {
            best.write(checkpoint);
            bestReturn = newBest;
        }
    }
}
