package io.acktr.bench;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The JVM every benchmark fork runs in, as the {@code acktr} launcher runs training: in each
 * benchmark's {@code @Fork(jvmArgsAppend = {COLLECTOR, INITIAL_HEAP, YOUNG_GENERATION, HEAP, SINGLE_THREADED})}.
 *
 * <p>ND4J reads {@code OMP_NUM_THREADS} from the environment when it loads, and JMH forks inherit
 * the environment but cannot be given one; so the forks also get {@code -D}{@value #THREADS_PROPERTY}
 * {@code =1}, which {@link #applyNativeThreads()} applies (OpenMP and OpenBLAS) only when
 * {@code OMP_NUM_THREADS} is not set. Small ND4J operations are about twice as slow with several
 * OpenMP threads on a 2-core machine, and far slower when other processes load it.
 */
final class ForkSettings {
    /** The launcher's default heap: at most 4 GB. */
    static final String HEAP = "-Xmx4g";
    /** The launcher's starting heap: 32 MB, grown as needed (the JVM's default would keep 1/64 of the memory resident). */
    static final String INITIAL_HEAP = "-Xms32m";
    /**
     * The launcher's young generation: at least 16 MB, so that arrays dying a few updates after
     * they were made die young, and their native buffers are freed by the next young collection.
     */
    static final String YOUNG_GENERATION = "-XX:NewSize=16m";
    /** The launcher's collector: the serial one, whose small young generation frees ND4J's native buffers often. */
    static final String COLLECTOR = "-XX:+UseSerialGC";
    /** System property with the native thread count to use when {@code OMP_NUM_THREADS} is unset. */
    static final String THREADS_PROPERTY = "acktr.bench.native-threads";
    /** One native thread unless the environment says otherwise. */
    static final String SINGLE_THREADED = "-D" + THREADS_PROPERTY + "=1";

    private ForkSettings() {
    }

    /** Applies {@value #THREADS_PROPERTY} unless the environment sets {@code OMP_NUM_THREADS}. */
    static void applyNativeThreads() {
        String fromEnvironment = System.getenv("OMP_NUM_THREADS");
        String fromProperty = System.getProperty(THREADS_PROPERTY);
        if ((fromEnvironment != null && !fromEnvironment.isBlank()) || fromProperty == null) {
            return;
        }
        int threads;
        try {
            threads = Integer.parseInt(fromProperty.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + THREADS_PROPERTY + "=" + fromProperty + ": must be a whole number >= 1", e);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("-D" + THREADS_PROPERTY + "=" + fromProperty + ": must be >= 1");
        }
        // Nd4j first: loading the backend is what makes its native operations reachable.
        Nd4j.factory().blas().setMaxThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
    }
}
