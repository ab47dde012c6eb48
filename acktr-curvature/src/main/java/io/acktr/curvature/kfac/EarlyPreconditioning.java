package io.acktr.curvature.kfac;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradient blocks preconditioned on a background thread as soon as the trainer's backward pass
 * tells them, while it computes the blocks below; {@code precondition} then collects each direction
 * instead of computing it. A block's direction is used only for the very array it was started on.
 * Only large blocks go: handing one over and collecting it costs the training thread a few tens of
 * microseconds and, on a busy second core, a wait, which a small block's own work does not repay.
 * While any is running, the eigenbases they read must not change: nothing is installed until every
 * started block has been collected ({@link #isIdle}).
 */
final class EarlyPreconditioning {
    private record Started(INDArray gradient, CompletableFuture<INDArray> direction) {
    }

    /**
     * The smallest preconditioning work, in multiply-adds, handed to the background thread: about a
     * millisecond of one core. A Nature-CNN's dense layer (1.2e10) and two of its convolutions
     * (3.8e7 and 4.7e7) go; a 64-64 MLP's hidden blocks (1.1e6) stay on the training thread, where
     * handing them over measured slower ({@code acktr bench update-cost}).
     */
    static final long MIN_WORK = 1L << 24;

    private final Supplier<Executor> executor;
    private final long minWork;
    private final Map<String, Started> started = new HashMap<>();
    private long used;

    EarlyPreconditioning(Supplier<Executor> executor, long minWork) {
        this.executor = executor;
        this.minWork = minWork;
    }

    /** Whether a block of this much preconditioning work (multiply-adds) is worth handing over. */
    boolean isWorthIt(long work) {
        return work >= minWork;
    }

    /** Whether no block is started: eigenbases may then be installed. */
    boolean isIdle() {
        return started.isEmpty();
    }

    /** Starts computing a block's direction, unless it is started already. */
    void start(String block, INDArray gradient, Supplier<INDArray> direction) {
        started.computeIfAbsent(block, b -> new Started(gradient, CompletableFuture.supplyAsync(direction, executor.get())));
    }

    /**
     * The direction started for this block and this very gradient array, once it is done, or null
     * (nothing started, or started on another array: that one is waited for, so the block's
     * preconditioner is free again, and dropped). What failed on the thread is rethrown.
     */
    INDArray take(String block, INDArray gradient) {
        Started s = started.remove(block);
        if (s == null) {
            return null;
        }
        INDArray direction = EigenbasisSchedule.join(s.direction());
        if (s.gradient() != gradient) {
            return null;
        }
        used++;
        return direction;
    }

    /** Directions started early and used, for tests. */
    long used() {
        return used;
    }

    /** Waits for the blocks started but not taken, and drops them. */
    void discardRest() {
        try {
            started.values().forEach(s -> s.direction().exceptionally(e -> null).join());
        } finally {
            started.clear();
        }
    }
}
