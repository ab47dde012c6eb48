package io.acktr.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class MultiplyAddTest {
    @Test
    void isFusedExactlyWhenHotSpotCompilesFmaToTheInstruction() {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        assertEquals(Boolean.parseBoolean(hotSpot.getVMOption("UseFMA").getValue()), MultiplyAdd.FUSED);
    }

    @Test
    void roundsOnceWhenFusedAndTwiceOtherwise() {
        // (1 + 2^-30)^2 - 1 = 2^-29 + 2^-60: the product rounded first loses the 2^-60
        double a = 1.0 + 0x1p-30;
        double expected = MultiplyAdd.FUSED ? 0x1p-29 + 0x1p-60 : 0x1p-29;
        assertEquals(expected, MultiplyAdd.fma(a, a, -1.0), 0.0);
    }
}
