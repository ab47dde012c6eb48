package io.acktr.runtime.lifecycle;

import io.acktr.api.training.TrainingListener;
import io.acktr.api.training.UpdateMetrics;
import java.util.function.LongSupplier;
import org.bytedeco.javacpp.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the resident set bounded between updates. ND4J's native buffers are freed only when the
 * garbage collector finds their arrays unreachable, and the Java heap of a training run is small,
 * so collections are rare and native memory piles up. JavaCPP guards against that by reading the
 * resident set on every allocation ({@code org.bytedeco.javacpp.maxPhysicalBytes}), which costs a
 * large share of a small update; the launcher turns that check off and this guard reads the
 * resident set once per update instead, running a collection when it is above the threshold (at
 * most one per {@code cooldownNanos}, so a resident set that stays high costs little).
 */
public final class NativeMemoryGuard implements TrainingListener {
    private static final Logger LOG = LoggerFactory.getLogger(NativeMemoryGuard.class);
    static final long COOLDOWN_NANOS = 1_000_000_000L;

    private final long thresholdBytes;
    private final LongSupplier residentBytes;
    private final LongSupplier clock;
    private final Runnable collect;
    private long lastCollection = Long.MIN_VALUE / 2;
    private long collections;

    /** @param thresholdBytes resident set above which a collection runs; 0 turns the guard off */
    public static NativeMemoryGuard forThisProcess(long thresholdBytes) {
        return new NativeMemoryGuard(thresholdBytes, Pointer::physicalBytes, System::nanoTime, System::gc);
    }

    NativeMemoryGuard(long thresholdBytes, LongSupplier residentBytes, LongSupplier clock, Runnable collect) {
        if (thresholdBytes < 0) {
            throw new IllegalArgumentException("thresholdBytes must be >= 0, got " + thresholdBytes);
        }
        this.thresholdBytes = thresholdBytes;
        this.residentBytes = residentBytes;
        this.clock = clock;
        this.collect = collect;
    }

    /** Reads the resident set and collects when it is over the threshold and the cooldown has passed. */
    public void check() {
        if (thresholdBytes > 0) {
            check(residentBytes.getAsLong());
        }
    }

    /** As {@link #check()}, with the resident set already read. */
    public void check(long resident) {
        if (thresholdBytes == 0) {
            return;
        }
        long now = clock.getAsLong();
        if (now - lastCollection < COOLDOWN_NANOS) {
            return;
        }
        if (resident > thresholdBytes) {
            collect.run();
            lastCollection = now;
            collections++;
            if (collections == 1) {
                LOG.debug("resident set {} MB over {} MB: collecting garbage to free native buffers",
                        resident >> 20, thresholdBytes >> 20);
            }
        }
    }

    /** Collections run so far. */
    public long collections() {
        return collections;
    }

    /** Uses the resident set the trainer read for the update's metrics. */
    @Override
    public void onUpdate(UpdateMetrics metrics) {
        check(metrics.residentBytes());
    }
}
