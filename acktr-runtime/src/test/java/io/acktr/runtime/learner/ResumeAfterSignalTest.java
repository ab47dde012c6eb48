package io.acktr.runtime.learner;

import io.acktr.runtime.lifecycle.UntimedProgress;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.runtime.bootstrap.AcktrCommand;
import io.acktr.runtime.lifecycle.CheckpointStore;
import io.acktr.runtime.lifecycle.ProgressCsvWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A training JVM stopped by SIGTERM at whatever update it reached, then resumed with
 * {@code acktr train --resume}, computes exactly what a run trained to the same budget without a
 * stop computes: every progress.csv column but the timings, and the final parameters.
 */
class ResumeAfterSignalTest {
    /** The default run with 5 environments: 100 env steps per update. */
    private static final List<String> RUN = List.of("--set", "acktr.env.count=5", "--set", "acktr.checkpoint.interval=0");

    @Test
    void aRunStoppedBySigtermAndResumedEqualsTheUninterruptedRun(@TempDir Path dir) throws Exception {
        Path stopped = dir.resolve("stopped");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0", "-cp", System.getProperty("java.class.path"),
                "io.acktr.runtime.bootstrap.AcktrCommand", "train", "--quiet", "--set", "acktr.total-steps=50000000",
                "--set", "acktr.run-dir=" + stopped));
        command.addAll(RUN);
        Process child = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        try {
            Path progress = stopped.resolve(ProgressCsvWriter.FILE_NAME);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (rows(progress) < 4) {
                assertThat(child.isAlive()).as("the child trains: %s", read(dir.resolve("err.txt"))).isTrue();
                assertThat(System.nanoTime()).as("4 updates within 3 minutes").isLessThan(deadline);
                Thread.sleep(50);
            }
            new ProcessBuilder("kill", "-TERM", Long.toString(child.pid())).start().waitFor();
            assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("the child exits").isTrue();
            assertThat(child.exitValue()).as(read(dir.resolve("err.txt"))).isEqualTo(143);
        } finally {
            child.destroyForcibly();
        }
        String err = read(dir.resolve("err.txt"));
        assertThat(err).contains("resume with: acktr train --resume " + stopped);
        long stoppedAt = new CheckpointStore(stopped).read().updates();
        long totalSteps = (stoppedAt + 6) * 100;

        Outcome resumed = acktr("train", "--quiet", "--resume", stopped.toString(), "--set", "acktr.total-steps=" + totalSteps);
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        Path uninterrupted = dir.resolve("uninterrupted");
        List<String> args = new ArrayList<>(List.of("train", "--quiet", "--set", "acktr.total-steps=" + totalSteps,
                "--set", "acktr.run-dir=" + uninterrupted));
        args.addAll(RUN);
        Outcome straight = acktr(args.toArray(String[]::new));
        assertThat(straight.exit()).as(straight.err()).isZero();

        assertThat(UntimedProgress.of(stopped)).hasSize((int) stoppedAt + 6 + 1).containsExactlyElementsOf(UntimedProgress.of(uninterrupted));
        assertThat(parameters(stopped)).containsExactlyElementsOf(parameters(uninterrupted));
    }

    private record Outcome(int exit, String err) {
    }

    private static Outcome acktr(String... args) {
        StringWriter err = new StringWriter();
        int exit = AcktrCommand.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        return new Outcome(exit, err.toString());
    }

    private static List<String> parameters(Path runDir) {
        return new CheckpointStore(runDir).read().parameters().stream()
                .map(b -> b.name() + " " + Arrays.toString(b.value().castTo(DataType.DOUBLE).ravel().toDoubleVector())).toList();
    }

    private static long rows(Path progress) throws IOException {
        return Files.exists(progress) ? Math.max(0, Files.readAllLines(progress).size() - 1) : 0;
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
