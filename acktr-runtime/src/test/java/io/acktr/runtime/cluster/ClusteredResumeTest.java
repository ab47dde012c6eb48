package io.acktr.runtime.cluster;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.runtime.cluster.ChildJvms.Child;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node killed (SIGKILL) after its run sent a checkpoint: the coordinator hands the run to the
 * other node, which resumes it from that checkpoint, and the suite writes what a local suite
 * writes, timings aside (a synchronous CartPole run resumes bit for bit).
 */
class ClusteredResumeTest {
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration SUITE = Duration.ofSeconds(180);
    private static final int UPDATES = 200;
    private static final String SUITE_FILE = """
            suite {
              name = "cluster resume check"
              seeds = [1, 2]
              baseline = kfac
              tasks = [
                { name = cartpole, env = "CartPole-v1", total-steps = %d, threshold = 20,
                  settings { acktr { env.count = 8, checkpoint.interval = 10 } } }
              ]
              variants = [ { name = kfac, settings { acktr.curvature.type = kfac } } ]
            }
            """.formatted(UPDATES * 160);

    private final ChildJvms children = new ChildJvms();

    @AfterEach
    void killEveryChild() throws InterruptedException {
        children.close();
    }

    @Test
    @Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
    void aRunOfANodeKilledAfterACheckpointResumesOnAnotherNodeAndTheSuiteEqualsALocalOne(@TempDir Path dir)
            throws Exception {
        Path suite = dir.resolve("suite.conf");
        Files.writeString(suite, SUITE_FILE);
        Child local = children.start(dir, "local", List.of("ablation", "--suite", suite.toString(), "--out", "out"));
        int[] ports = ChildJvms.freePorts(3);
        Child survivor = children.start(dir, "node-a", node(ports[0], List.of()));
        survivor.await(l -> l.contains(" ready: "), STARTUP);
        Child victim = children.start(dir, "node-b", node(ports[1], List.of("--join", "127.0.0.1:" + ports[0])));
        String victimId = victim.await(l -> l.contains(" ready: "), STARTUP).split(" ")[1];
        List<String> args = new ArrayList<>(List.of("ablation", "--suite", suite.toString(), "--out", "out", "--cluster",
                "--cluster-host", "127.0.0.1", "--join", "127.0.0.1:" + ports[0]));
        args.addAll(ChildJvms.clusterSettings(ports[2]));
        Child coordinator = children.start(dir, "coordinator", args);

        String handedOut = coordinator.await(l -> l.endsWith("-> node " + victimId + " (attempt 1)"), SUITE);
        String run = "cartpole/kfac/seed-" + handedOut.split(" ")[3];
        awaitRows(dir.resolve("node-b"), 45); // checkpoints of updates 10-40 are sent or on their way
        victim.process().destroyForcibly();
        victim.process().waitFor(30, SECONDS);

        assertThat(coordinator.process().waitFor(SUITE.toSeconds(), SECONDS)).as("the clustered suite ends").isTrue();
        assertThat(coordinator.process().exitValue()).as(coordinator.output()).isZero();
        String redispatched = coordinator.await(l -> l.startsWith("re-dispatching " + run + " (attempt 2) from the"
                + " checkpoint of update "), Duration.ZERO.plusSeconds(1));
        long resumedAt = Long.parseLong(redispatched.substring(redispatched.lastIndexOf(' ') + 1));
        // a checkpoint, not a start from scratch; which one depends on what was in transit when the
        // node died (on a loaded machine the checkpoint of update 40 may not have arrived yet)
        assertThat(resumedAt).isGreaterThanOrEqualTo(10).isLessThan(UPDATES);
        assertThat(resumedAt % 10).as("a checkpoint update").isZero();
        survivor.await(l -> l.equals("resuming " + run + " at update " + resumedAt
                + " from the checkpoint of an earlier attempt"), STARTUP);
        assertThat(coordinator.lines()).filteredOn(l -> l.matches("\\[\\d/2] .*")).hasSize(2);

        assertThat(local.process().waitFor(SUITE.toSeconds(), SECONDS)).as("the local suite ends").isTrue();
        assertThat(local.process().exitValue()).as(local.output()).isZero();
        SuiteOutputs.assertSameSuite(dir.resolve("coordinator/out"), dir.resolve("local/out"), "cartpole",
                List.of("kfac/seed-1", "kfac/seed-2"), UPDATES);
    }

    /** Waits until the node's run has written at least {@code rows} rows of progress.csv. */
    private static void awaitRows(Path node, int rows) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + SUITE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Path> progress = Optional.empty();
            if (Files.isDirectory(node.resolve("cluster-work"))) {
                try (Stream<Path> walk = Files.walk(node.resolve("cluster-work"))) {
                    progress = walk.filter(p -> p.getFileName().toString().equals("progress.csv")).findFirst();
                } catch (UncheckedIOException e) {
                    // the run renames and deletes checkpoint folders while the walk goes: look again
                    Thread.sleep(20);
                    continue;
                }
            }
            if (progress.isPresent() && Files.readAllLines(progress.get()).size() > rows) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the node's run wrote no " + rows + " rows within " + SUITE);
    }

    private static List<String> node(int port, List<String> join) {
        List<String> args = new ArrayList<>(List.of("node", "--cluster-host", "127.0.0.1", "--slots", "1"));
        args.addAll(join);
        args.addAll(ChildJvms.clusterSettings(port));
        return args;
    }
}
