package io.acktr.numerics;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * {@code a * b + c} for the plain-array kernels: one fused multiply-add ({@link Math#fma}, a single
 * rounding) where the JIT compiles it to the processor's instruction, which C2 also vectorises;
 * a product and a sum (two roundings) elsewhere. Without the instruction {@link Math#fma} falls back
 * to exact arithmetic in software, hundreds of times slower than the two operations.
 *
 * <p>Whether the instruction is used is HotSpot's {@code UseFMA} option, on by default where the
 * processor has FMA (x86-64 since 2013, every 64-bit ARM). It is read once, when this class is
 * first used (about 30 ms, through the platform's diagnostic bean); on a JVM without that option
 * the kernels take the two operations. Results differ between the two paths in the last bits.
 */
public final class MultiplyAdd {
    /** The kernels use {@link Math#fma}. */
    public static final boolean FUSED = fusedInHardware();

    private MultiplyAdd() {
    }

    /** {@code a * b + c}: fused if {@link #FUSED}. */
    public static double fma(double a, double b, double c) {
        return FUSED ? Math.fma(a, b, c) : a * b + c;
    }

    /**
     * {@code c + a0 b0 + a1 b1 + a2 b2 + a3 b3}: if {@link #FUSED}, four fused multiply-adds from
     * {@code c}, each product rounded once with the sum so far; otherwise {@code c + (((a0 b0 + a1 b1)
     * + a2 b2) + a3 b3)}, the order the dense kernels used before they fused their products.
     */
    public static double fourProducts(double c, double a0, double b0, double a1, double b1, double a2, double b2,
                                      double a3, double b3) {
        if (FUSED) {
            return Math.fma(a3, b3, Math.fma(a2, b2, Math.fma(a1, b1, Math.fma(a0, b0, c))));
        }
        return c + (a0 * b0 + a1 * b1 + a2 * b2 + a3 * b3);
    }

    private static boolean fusedInHardware() {
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotSpot != null && Boolean.parseBoolean(hotSpot.getVMOption("UseFMA").getValue());
        } catch (RuntimeException | LinkageError notHotSpot) {
            return false;
        }
    }
}
