package io.acktr.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NativeMemoryGuardTest {
    private final AtomicLong resident = new AtomicLong();
    private final AtomicLong now = new AtomicLong();
    private final AtomicLong collected = new AtomicLong();

    private NativeMemoryGuard guard(long threshold) {
        return new NativeMemoryGuard(threshold, resident::get, now::get, collected::incrementAndGet);
    }

    @Test
    void collectsOnlyWhenTheResidentSetIsOverTheThreshold() {
        NativeMemoryGuard guard = guard(1000);
        resident.set(1000);
        guard.check();
        assertThat(collected).hasValue(0);
        resident.set(1001);
        guard.check();
        assertThat(collected).hasValue(1);
        assertThat(guard.collections()).isEqualTo(1);
    }

    @Test
    void aResidentSetThatStaysHighIsCollectedAtMostOncePerCooldown() {
        NativeMemoryGuard guard = guard(1000);
        resident.set(5000);
        for (int i = 0; i < 10; i++) {
            now.addAndGet(NativeMemoryGuard.COOLDOWN_NANOS / 10 - 1);
            guard.check();
        }
        assertThat(collected).hasValue(1);
        now.addAndGet(NativeMemoryGuard.COOLDOWN_NANOS);
        guard.check();
        assertThat(collected).hasValue(2);
    }

    @Test
    void aZeroThresholdNeverReadsTheResidentSet() {
        NativeMemoryGuard guard = new NativeMemoryGuard(0, () -> {
            throw new AssertionError("read");
        }, now::get, collected::incrementAndGet);
        guard.check();
        assertThat(collected).hasValue(0);
    }

    @Test
    void onUpdateUsesTheResidentSetOfTheMetrics() {
        NativeMemoryGuard guard = new NativeMemoryGuard(1000, () -> {
            throw new AssertionError("read again");
        }, now::get, collected::incrementAndGet);
        guard.onUpdate(new io.acktr.api.training.UpdateMetrics(1, 1, 0, Double.NaN, 0, 0, 0, 0, 0, 0, 0, 0, 2000));
        assertThat(collected).hasValue(1);
    }

    @Test
    void aNegativeThresholdIsRefused() {
        assertThatThrownBy(() -> guard(-1)).hasMessageContaining("-1");
    }

    @Test
    void readsThisProcesssResidentSet() {
        NativeMemoryGuard guard = NativeMemoryGuard.forThisProcess(1);
        guard.check();
        assertThat(guard.collections()).isEqualTo(1);
    }
}
