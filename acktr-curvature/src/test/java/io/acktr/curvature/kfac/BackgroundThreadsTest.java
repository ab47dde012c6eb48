package io.acktr.curvature.kfac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acktr.curvature.linalg.SymmetricEigen;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The async K-FAC threads stop in order, so a JVM never exits under a running LAPACK call. */
class BackgroundThreadsTest {
    @Test
    void stopWaitsForTheRunningTaskAndDropsTheQueuedOnes() throws InterruptedException {
        BackgroundThreads threads = BackgroundThreads.open("test-kfac-");
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean queuedRan = new AtomicBoolean();
        threads.inverses().execute(() -> {
            started.countDown();
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() < end) {
                Thread.onSpinWait(); // like a native call, deaf to interrupts
            }
            finished.set(true);
        });
        threads.inverses().execute(() -> queuedRan.set(true));
        started.await();

        assertThat(threads.stop(Duration.ofSeconds(30))).isTrue();
        assertThat(finished).isTrue();
        assertThat(queuedRan).isFalse();
    }

    @Test
    void closingStopsTheThreadsAndWithdrawsTheExitStop() throws InterruptedException {
        BackgroundThreads threads = BackgroundThreads.open("test-kfac-close-");
        CountDownLatch ran = new CountDownLatch(1);
        threads.statistics().execute(ran::countDown);
        ran.await();

        threads.close();

        assertThat(threads.statistics().isTerminated()).isTrue();
        assertThat(threads.inverses().isTerminated()).isTrue();
        assertThat(threads.preconditioning().isTerminated()).isTrue();
        assertThat(threadsEndWithin("test-kfac-close-", Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void anAsyncEstimatorOpensItsThreadsWithItsFirstBackgroundWorkAndClosesThemWithItsRun() {
        KfacCurvatureEstimator estimator = new KfacCurvatureEstimator(KfacSchedulingAndDampingTest.kfac(true,
                new LevenbergMarquardtSettings(KfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10), 1e-6));
        assertThat(estimator.backgroundThreads()).as("no threads before any work").isEmpty();
        estimator.observe(io.acktr.api.curvature.FisherPass.of(KfacSchedulingAndDampingTest.samples(1).get(0)));
        estimator.awaitBackgroundRefresh();
        BackgroundThreads threads = estimator.backgroundThreads().orElseThrow();
        assertThat(threads.statistics().isShutdown()).isFalse();

        estimator.close();

        assertThat(threads.statistics().isTerminated()).isTrue();
        assertThat(threads.inverses().isTerminated()).isTrue();
        assertThat(threads.preconditioning().isTerminated()).isTrue();
    }

    /** Whether every live thread whose name starts so has ended within the timeout (a stopped executor's thread exits just after). */
    private static boolean threadsEndWithin(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(prefix)) {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                if (thread.isAlive()) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void aRefreshStopsBeforeItsNextDecompositionOnceInterrupted() {
        Map<String, KroneckerFactors.Snapshot> snapshots = new LinkedHashMap<>();
        snapshots.put("torso/0", new KroneckerFactors.Snapshot(Nd4j.eye(3).castTo(DataType.DOUBLE), Nd4j.eye(2).castTo(DataType.DOUBLE), DataType.DOUBLE));
        snapshots.put("policy", new KroneckerFactors.Snapshot(Nd4j.eye(4).castTo(DataType.DOUBLE), Nd4j.eye(2).castTo(DataType.DOUBLE), DataType.DOUBLE));
        assertThat(EigenbasisSchedule.decomposeUnlessStopped(snapshots, 1e-6)).containsOnlyKeys("torso/0", "policy");

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> EigenbasisSchedule.decomposeUnlessStopped(snapshots, 1e-6))
                    .isInstanceOf(CancellationException.class).hasMessageContaining("torso/0");
        } finally {
            Thread.interrupted();
        }
    }

    /**
     * A JVM that calls {@code System.exit} while an open inverses thread is inside LAPACK: the
     * exit waits for the decomposition, and OpenBLAS is not torn down under it (before the shutdown
     * hook, this printed "BLAS : Bad memory unallocation!" or died with SIGSEGV in dgemm).
     */
    @Test
    void aJvmExitingDuringAnAsyncDecompositionWaitsForItAndExitsCleanly(@TempDir Path dir)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                ExitDuringDecomposition.class.getName())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(3, TimeUnit.MINUTES)).isTrue();

        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("exiting during the decomposition", "decomposition finished")
                .doesNotContain("Bad memory", "SIGSEGV", "fatal error");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.startsWith("hs_err"));
        }
    }

    /** Starts a CNN-sized decomposition on an estimator's inverses thread, then exits 200 ms into it. */
    static final class ExitDuringDecomposition {
        public static void main(String[] args) throws InterruptedException {
            int n = SymmetricEigen.DIVIDE_AND_CONQUER_FROM;
            Nd4j.getRandom().setSeed(5);
            INDArray x = Nd4j.randn(DataType.DOUBLE, 2L * n, n);
            INDArray covariance = x.transpose().mmul(x).divi(2 * n);
            CountDownLatch started = new CountDownLatch(1);
            BackgroundThreads threads = BackgroundThreads.open("exit-test-"); // never closed: the JVM exits first
            threads.inverses().execute(() -> {
                started.countDown();
                SymmetricEigen.of(covariance, 1e-6);
                System.out.println("decomposition finished");
            });
            started.await();
            Thread.sleep(200);
            System.out.println("exiting during the decomposition");
            System.exit(0);
        }
    }
}
