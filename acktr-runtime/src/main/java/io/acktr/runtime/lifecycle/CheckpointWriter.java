package io.acktr.runtime.lifecycle;

import static java.util.Objects.requireNonNull;

import io.acktr.api.policy.Policy;
import io.acktr.api.state.SavedState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
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
 *
 * <p>The checkpoint is taken (the parameters copied, the training state asked for) while the
 * listener handles the update; its files may be written afterwards on an executor of the run's
 * ({@link #writingOn}), one checkpoint after the other, so that the learner does not wait for the
 * serialisation and the device. A write that failed there fails the next update's {@link #onUpdate}
 * or the run's end; {@link #awaitWrites} waits for those still under way (before a checkpoint is
 * read back).
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
    private final Executor writes;
    /** The writes handed to {@link #writes} so far, in order; completed when none is under way. */
    private volatile CompletableFuture<Void> pending = CompletableFuture.completedFuture(null);

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
        this(store, policy, wrappers, interval, trainingState, Runnable::run);
    }

    private CheckpointWriter(CheckpointStore store, Policy policy, WrapperChain wrappers, int interval,
                             Supplier<Map<String, SavedState>> trainingState, Executor writes) {
        this.writes = requireNonNull(writes, "writes is null");
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

    /**
     * The same writer, writing the files of each checkpoint on {@code executor} (which runs its tasks
     * in the order given, one at a time, as a single thread does) instead of the listener's thread.
     */
    public CheckpointWriter writingOn(Executor executor) {
        return new CheckpointWriter(store, policy, wrappers, interval, trainingState, executor);
    }

    /**
     * Waits for the checkpoints still being written.
     *
     * @throws java.io.UncheckedIOException when one of them could not be written
     */
    public void awaitWrites() {
        CompletableFuture<Void> writing = pending;
        try {
            writing.join();
        } catch (CompletionException e) {
            pending = CompletableFuture.completedFuture(null); // told once; later checkpoints are written anew
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @Override
    public void onUpdate(UpdateMetrics metrics) {
        rethrowFailedWrite();
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
        awaitWrites();
        if (last != null && last.updates() != attemptedAt) {
            write(last);
        }
        awaitWrites();
    }

    /** Throws the failure of a write that has completed, if one failed; does not wait. */
    private void rethrowFailedWrite() {
        if (pending.isCompletedExceptionally()) {
            awaitWrites();
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
            awaitWrites();
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
        // the store refuses non-finite parameters (with a warning); such a checkpoint is never the best
        boolean alsoBest = isBest && checkpoint.firstNonFiniteBlock().isEmpty();
        if (alsoBest) {
            bestReturn = newBest;
        }
        pending = pending.thenRunAsync(() -> {
            if (store.write(checkpoint) && alsoBest) {
                best.write(checkpoint);
            }
        }, writes);
        rethrowFailedWrite(); // at once when the files are written on this thread
    }
}
