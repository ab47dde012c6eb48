package io.acktr.runtime.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.acktr.runtime.lifecycle.CheckpointStore;
import io.acktr.runtime.lifecycle.ProgressCsvWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training JVM that gets SIGTERM or SIGINT finishes its update, closes progress.csv, writes the
 * final checkpoint of that very update, says where it stopped and exits with the signal's status.
 */
class StopOnSignalTest {
    @Test
    void sigtermFinishesTheUpdateWritesTheFinalCheckpointAndExits143(@TempDir Path dir) throws Exception {
        stopWith("TERM", 143, dir);
    }

    @Test
    void sigintDoesTheSameAndExits130(@TempDir Path dir) throws Exception {
        stopWith("INT", 130, dir);
    }

    private static void stopWith(String signal, int expectedExit, Path dir) throws Exception {
        Path runDir = dir.resolve("run");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        if (ignoredHere(signal)) {
            // A shell starts background commands with SIGINT ignored, and a child inherits that: the JVM
            // then installs no handler for it. Give the child the default action back.
            command.addAll(List.of("env", "--default-signal=" + signal));
        }
        command.addAll(List.of(java.toString(), "-Xmx1g", "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0",
                "-cp", System.getProperty("java.class.path"), "io.acktr.runtime.bootstrap.AcktrCommand", "train", "--quiet",
                "--set", "acktr.total-steps=50000000", "--set", "acktr.run-dir=" + runDir,
                "--set", "acktr.checkpoint.interval=0"));
        Process child = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        try {
            Path progress = runDir.resolve(ProgressCsvWriter.FILE_NAME);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (rows(progress) < 5) {
                assertThat(child.isAlive()).as("the child trains: %s", read(dir.resolve("err.txt"))).isTrue();
                assertThat(System.nanoTime()).as("5 updates within 2 minutes").isLessThan(deadline);
                Thread.sleep(100);
            }
            new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).start().waitFor();
            if (!child.waitFor(2, TimeUnit.MINUTES)) {
                // Say where the child is: once it was training on, the signal never delivered (see above).
                fail("the child did not exit within 2 minutes of SIG" + signal + "; its standard error:\n"
                        + read(dir.resolve("err.txt")) + "\nits threads:\n" + threadDump(child));
            }

            String err = read(dir.resolve("err.txt"));
            assertThat(child.exitValue()).as(err).isEqualTo(expectedExit);
            String csv = Files.readString(progress);
            assertThat(csv).endsWith(System.lineSeparator());
            List<String> lines = csv.lines().toList();
            long updates = lines.size() - 1;
            assertThat(lines.get(lines.size() - 1).split(",")[1]).isEqualTo(Long.toString(updates));
            assertThat(err).contains("stopped by the exit after update " + updates + " ");
            assertThat(new CheckpointStore(runDir).read().updates()).as("the final checkpoint is of the last update")
                    .isEqualTo(updates);
        } finally {
            child.destroyForcibly();
        }
    }

    /** Whether this process ignores {@code SIG<signal>} ({@code SigIgn} of /proc/self/status), which a child inherits. */
    private static boolean ignoredHere(String signal) throws IOException {
        int number = signal.equals("INT") ? 2 : 15;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16) & (1L << (number - 1))) != 0;
            }
        }
        return false;
    }

    /** The child's threads, by {@code jcmd PID Thread.print} of this JDK. */
    private static String threadDump(Process child) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(child.pid()), "Thread.print")
                    .redirectErrorStream(true).start();
            String text = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            dump.waitFor(30, TimeUnit.SECONDS);
            return text;
        } catch (IOException e) {
            return "(no thread dump: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
    }

    private static long rows(Path progress) throws IOException {
        return Files.exists(progress) ? Math.max(0, Files.readAllLines(progress).size() - 1) : 0;
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
