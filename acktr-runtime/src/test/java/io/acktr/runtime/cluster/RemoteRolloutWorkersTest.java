package io.acktr.runtime.cluster;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.runtime.cluster.ChildJvms.Child;
import io.acktr.runtime.lifecycle.UntimedProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code acktr train --cluster --rollout-nodes 2}: a learner whose two rollout workers live on two
 * nodes, every process a real JVM on 127.0.0.1. With both nodes up the run's progress equals a
 * local run's with two rollout workers; with one node killed mid-run (SIGKILL) its worker is made
 * again on the other node and the run ends normally.
 */
class RemoteRolloutWorkersTest {
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration RUN = Duration.ofSeconds(150);

    private final ChildJvms children = new ChildJvms();

    @AfterEach
    void killEveryChild() throws InterruptedException {
        children.close();
    }

    @Test
    @Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
    void aLearnerWithTwoRolloutNodesWritesTheProgressOfALocalRunWithTwoWorkers(@TempDir Path dir) throws Exception {
        int[] ports = ChildJvms.freePorts(3);
        Child local = children.start(dir, "local", List.of("train", "--quiet", "--set", "acktr.total-steps=3200",
                "--set", "acktr.runtime.rollout-workers=2", "--set", "acktr.run-dir=run"));
        Child first = children.start(dir, "node-a", node(ports[0], List.of()));
        first.await(l -> l.contains(" ready: "), STARTUP);
        Child second = children.start(dir, "node-b", node(ports[1], List.of("--join", "127.0.0.1:" + ports[0])));
        second.await(l -> l.contains(" ready: "), STARTUP);
        Child learner = children.start(dir, "learner", learner(ports[2], ports[0], 3200));

        assertThat(learner.process().waitFor(RUN.toSeconds(), SECONDS)).as("the clustered run ends").isTrue();
        assertThat(learner.process().exitValue()).as(learner.output()).isZero();
        assertThat(local.process().waitFor(RUN.toSeconds(), SECONDS)).as("the local run ends").isTrue();
        assertThat(local.process().exitValue()).as(local.output()).isZero();

        assertThat(learner.lines()).filteredOn(l -> l.startsWith("rollout worker ")).hasSize(2)
                .anyMatch(l -> l.startsWith("rollout worker 0 (environments 0..3, reset with seeds 1..) on node "))
                .anyMatch(l -> l.startsWith("rollout worker 1 (environments 4..7, reset with seeds 5..) on node "))
                .noneMatch(l -> l.contains(" lost "))
                .extracting(l -> l.substring(l.lastIndexOf(' ') + 1)).as("one worker per node")
                .containsExactlyInAnyOrder(nodeId(first), nodeId(second));
        List<String> expected = UntimedProgress.lines(dir.resolve("local/run/progress.csv"));
        assertThat(expected).hasSize(1 + 3200 / 160);
        assertThat(UntimedProgress.lines(dir.resolve("learner/run/progress.csv"))).isEqualTo(expected);
        second.await(l -> l.startsWith("released 1 rollout worker of run run: its learner is done"), STARTUP);
    }

    @Test
    @Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
    void killingARolloutNodeMidRunMovesItsWorkerToTheOtherNodeAndTrainingGoesOn(@TempDir Path dir) throws Exception {
        int[] ports = ChildJvms.freePorts(3);
        Child survivor = children.start(dir, "node-a", node(ports[0], List.of()));
        survivor.await(l -> l.contains(" ready: "), STARTUP);
        Child victim = children.start(dir, "node-b", node(ports[1], List.of("--join", "127.0.0.1:" + ports[0])));
        victim.await(l -> l.contains(" ready: "), STARTUP);
        int steps = 16_000;
        Child learner = children.start(dir, "learner", learner(ports[2], ports[0], steps));
        String placed = learner.await(l -> l.startsWith("rollout worker ") && l.endsWith(nodeId(victim)), STARTUP);
        int lost = Integer.parseInt(placed.split(" ")[2]);
        String slice = lost == 0 ? "environments 0..3, reset with seeds " + (1 + RemoteRolloutWorkers.SEED_STRIDE)
                : "environments 4..7, reset with seeds " + (5 + RemoteRolloutWorkers.SEED_STRIDE);
        learner.await(l -> l.startsWith("steps "), STARTUP); // training has begun

        victim.process().destroyForcibly(); // SIGKILL: no goodbye
        victim.process().waitFor(30, SECONDS);

        assertThat(learner.process().waitFor(RUN.toSeconds(), SECONDS)).as("the run ends").isTrue();
        assertThat(learner.process().exitValue()).as(learner.output()).isZero();
        assertThat(learner.lines()).anyMatch(l -> l.startsWith("node " + nodeId(victim) + " lost during the rollout of update ")
                        && l.endsWith("re-creating rollout worker " + lost + " on another node with fresh episodes"))
                .contains("rollout worker " + lost + " (" + slice + "..) on node " + nodeId(survivor))
                .anyMatch(l -> l.startsWith("done: " + steps + " env steps, 100 updates"));
        List<String> rows = Files.readAllLines(dir.resolve("learner/run/progress.csv"));
        assertThat(rows).hasSize(1 + steps / 160);
        assertThat(IntStream.range(1, rows.size()).mapToObj(i -> rows.get(i).split(",")[0]).toList())
                .as("env_steps of every update, once").isEqualTo(IntStream.rangeClosed(1, steps / 160)
                        .mapToObj(u -> String.valueOf(u * 160)).toList());
        survivor.await(l -> l.startsWith("hosting rollout worker " + lost + " (generation 1, "), STARTUP);
    }

    private static String nodeId(Child node) {
        return node.lines().stream().filter(l -> l.contains(" ready: ")).findFirst().orElseThrow().split(" ")[1];
    }

    private static List<String> node(int port, List<String> join) {
        List<String> args = new ArrayList<>(List.of("node", "--cluster-host", "127.0.0.1", "--slots", "1"));
        args.addAll(join);
        args.addAll(ChildJvms.clusterSettings(port));
        return args;
    }

    private static List<String> learner(int port, int firstNode, int steps) {
        List<String> args = new ArrayList<>(List.of("train", "--cluster", "--cluster-host", "127.0.0.1", "--join",
                "127.0.0.1:" + firstNode, "--rollout-nodes", "2", "--set", "acktr.total-steps=" + steps,
                "--set", "acktr.run-dir=run"));
        args.addAll(ChildJvms.clusterSettings(port));
        return args;
    }
}
