package io.acktr.runtime.cluster;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.runtime.cluster.ChildJvms.Child;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A coordinator and two nodes, each a real {@code java} process on the test class path, bound to
 * 127.0.0.1 with multicast off: the clustered suite's results equal a local run's (timings aside),
 * also when a node is killed with SIGKILL mid-suite. Every child process is killed after each test.
 */
class ClusteredSuiteTest {
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration SUITE = Duration.ofSeconds(150);
    private static final String SUITE_FILE = """
            suite {
              name = "cluster check"
              seeds = [1, 2]
              baseline = a2c
              tasks = [
                { name = cartpole, env = "CartPole-v1", total-steps = 4800, threshold = 20,
                  settings { acktr.env.count = 8 } }
              ]
              variants = [
                { name = kfac, settings { acktr.curvature.type = kfac } }
                { name = a2c, settings { acktr { curvature.type = identity, step-size.type = rmsprop } } }
              ]
            }
            """;
    private static final List<String> RUNS = List.of("kfac/seed-1", "kfac/seed-2", "a2c/seed-1", "a2c/seed-2");

    @TempDir
    static Path shared;
    private static Path local;

    private final ChildJvms children = new ChildJvms();

    @BeforeAll
    static void trainTheSuiteLocally() throws Exception {
        Files.writeString(shared.resolve("suite.conf"), SUITE_FILE);
        local = shared.resolve("local");
        Files.createDirectories(local);
        Process process = ChildJvms.command(local, List.of("ablation", "--suite", "../suite.conf", "--out", "out"))
                .redirectOutput(local.resolve("stdout.txt").toFile()).redirectErrorStream(true).start();
        try {
            assertThat(process.waitFor(SUITE.toSeconds(), SECONDS)).as("the local suite ends").isTrue();
            assertThat(process.exitValue()).as(Files.readString(local.resolve("stdout.txt"))).isZero();
        } finally {
            process.destroyForcibly();
        }
    }

    @AfterEach
    void killEveryChild() throws InterruptedException {
        children.close();
    }

    @Test
    @Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
    void aCoordinatorAndTwoNodesWriteWhatALocalSuiteWrites(@TempDir Path dir) throws Exception {
        int[] ports = ChildJvms.freePorts(3);
        Child first = start(dir, "node-a", node(ports[0], List.of()));
        first.await(l -> l.startsWith("node ") && l.contains(" ready: "), STARTUP);
        Child second = start(dir, "node-b", node(ports[1], List.of("--join", "127.0.0.1:" + ports[0])));
        Child coordinator = start(dir, "coordinator", coordinator(ports[2], ports[0]));
        second.await(l -> l.contains(" ready: "), STARTUP);

        assertThat(coordinator.process().waitFor(SUITE.toSeconds(), SECONDS)).as("the clustered suite ends").isTrue();

        assertThat(coordinator.process().exitValue()).as(coordinator.output()).isZero();
        assertThat(coordinator.lines()).anyMatch(l -> l.startsWith("[4/4] cartpole "))
                .filteredOn(l -> l.matches("node .* joined: 1 slot")).hasSize(2);
        assertSameAsLocal(dir.resolve("coordinator").resolve("out"));
    }

    @Test
    @Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
    void aNodeKilledMidSuiteHasItsRunTrainedElsewhereAndEveryRunIsRecordedOnce(@TempDir Path dir) throws Exception {
        int[] ports = ChildJvms.freePorts(3);
        Child survivor = start(dir, "node-a", node(ports[0], List.of()));
        survivor.await(l -> l.contains(" ready: "), STARTUP);
        Child victim = start(dir, "node-b", node(ports[1], List.of("--join", "127.0.0.1:" + ports[0])));
        String victimId = victim.await(l -> l.contains(" ready: "), STARTUP).split(" ")[1];
        Child coordinator = start(dir, "coordinator", coordinator(ports[2], ports[0]));

        String handedOut = coordinator.await(l -> l.endsWith("-> node " + victimId + " (attempt 1)"), SUITE);
        victim.process().destroyForcibly(); // SIGKILL: no goodbye, no last report
        victim.process().waitFor(30, SECONDS);
        assertThat(coordinator.process().waitFor(SUITE.toSeconds(), SECONDS)).as("the clustered suite ends").isTrue();

        assertThat(coordinator.process().exitValue()).as(coordinator.output()).isZero();
        String[] words = handedOut.split(" "); // cartpole kfac seed 1 -> node <id> (attempt 1)
        String lostRun = words[0] + "/" + words[1] + "/seed-" + words[3];
        String lostRunLine = words[0] + " " + words[1] + " seed " + words[3] + ":";
        assertThat(coordinator.lines()).anyMatch(l -> l.startsWith("node " + victimId + " left: no heartbeat for"))
                .anyMatch(l -> l.equals("re-dispatching " + lostRun + " (attempt 2) from scratch"))
                .filteredOn(l -> l.matches("\\[\\d/4] .*")).hasSize(4);
        assertThat(coordinator.lines()).filteredOn(l -> l.matches("\\[\\d/4] " + lostRunLine + ".*")).singleElement()
                .asString().doesNotEndWith("on node " + victimId);
        assertSameAsLocal(dir.resolve("coordinator").resolve("out"));
    }

    private static void assertSameAsLocal(Path clustered) throws IOException {
        SuiteOutputs.assertSameSuite(clustered, local.resolve("out"), "cartpole", RUNS, 4800 / 160);
    }

    private static List<String> node(int port, List<String> join) {
        List<String> args = new ArrayList<>(List.of("node", "--cluster-host", "127.0.0.1", "--slots", "1"));
        args.addAll(join);
        args.addAll(ChildJvms.clusterSettings(port));
        return args;
    }

    private static List<String> coordinator(int port, int firstNode) {
        List<String> args = new ArrayList<>(List.of("ablation", "--suite", shared.resolve("suite.conf").toAbsolutePath().toString(), "--out", "out", "--cluster",
                "--cluster-host", "127.0.0.1", "--join", "127.0.0.1:" + firstNode));
        args.addAll(ChildJvms.clusterSettings(port));
        return args;
    }

    private Child start(Path dir, String name, List<String> args) throws IOException {
        return children.start(dir, name, args);
    }
}
