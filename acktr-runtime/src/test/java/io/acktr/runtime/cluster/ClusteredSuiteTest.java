package io.acktr.runtime.cluster;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
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
    /** progress.csv columns that are timings or the process's memory: fps, resident_mb. */
    private static final List<Integer> UNTIMED_COLUMNS = List.of(0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11);
    private static final List<String> RUNS = List.of("kfac/seed-1", "kfac/seed-2", "a2c/seed-1", "a2c/seed-2");

    @TempDir
    static Path shared;
    private static Path local;

    private final List<Child> children = new ArrayList<>();

    /** One child JVM and the lines it printed. */
    private record Child(String name, Process process, List<String> lines, Path errorFile) {
        String await(Predicate<String> line, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (String l : List.copyOf(lines)) {
                    if (line.test(l)) {
                        return l;
                    }
                }
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(100);
            }
            throw new AssertionError(name + " printed no such line within " + timeout + " (alive " + process.isAlive()
                    + "):\n" + output());
        }

        /** What it printed, and the end of its standard error. */
        String output() {
            String stderr;
            try {
                List<String> errors = Files.readAllLines(errorFile);
                stderr = String.join("\n", errors.subList(Math.max(0, errors.size() - 30), errors.size()));
            } catch (IOException e) {
                stderr = "(no stderr: " + e.getMessage() + ")";
            }
            return String.join("\n", lines) + "\n--- stderr ---\n" + stderr;
        }
    }

    @BeforeAll
    static void trainTheSuiteLocally() throws Exception {
        Files.writeString(shared.resolve("suite.conf"), SUITE_FILE);
        local = shared.resolve("local");
        Files.createDirectories(local);
        Process process = command(local, List.of("ablation", "--suite", "../suite.conf", "--out", "out"))
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
        for (Child child : children) {
            child.process().descendants().forEach(ProcessHandle::destroyForcibly);
            child.process().destroyForcibly();
        }
        for (Child child : children) {
            child.process().waitFor(30, SECONDS);
        }
    }

    @Test
    @Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
    void aCoordinatorAndTwoNodesWriteWhatALocalSuiteWrites(@TempDir Path dir) throws Exception {
        int[] ports = freePorts(3);
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
        int[] ports = freePorts(3);
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

    /** results.json without its timings, and every run's progress.csv without fps and resident_mb, equal the local run's. */
    private static void assertSameAsLocal(Path clustered) throws IOException {
        Path reference = local.resolve("out");
        assertThat(untimed(new JsonObject(Files.readString(clustered.resolve("results.json")))))
                .isEqualTo(untimed(new JsonObject(Files.readString(reference.resolve("results.json")))));
        for (String run : RUNS) {
            Path csv = Path.of("runs", "cartpole").resolve(run).resolve("progress.csv");
            List<String> expected = untimedCsv(reference.resolve(csv));
            assertThat(expected).hasSize(1 + 4800 / 160);
            assertThat(untimedCsv(clustered.resolve(csv))).as(run).isEqualTo(expected);
        }
    }

    private static JsonObject untimed(JsonObject results) {
        JsonObject copy = results.copy();
        for (Object row : copy.getJsonArray("rows")) {
            ((JsonObject) row).remove("meanUpdateMillis");
            ((JsonObject) row).remove("updateTimeVsBaseline");
        }
        JsonArray runs = copy.getJsonArray("runs");
        assertThat(runs).hasSize(4);
        for (Object run : runs) {
            ((JsonObject) run).remove("meanUpdateMillis");
            ((JsonObject) run).remove("wallSeconds");
        }
        return copy;
    }

    private static List<String> untimedCsv(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(line -> {
            String[] cells = line.split(",", -1);
            return UNTIMED_COLUMNS.stream().map(i -> cells[i]).collect(Collectors.joining(","));
        }).toList();
    }

    private static List<String> node(int port, List<String> join) {
        List<String> args = new ArrayList<>(List.of("node", "--cluster-host", "127.0.0.1", "--slots", "1"));
        args.addAll(join);
        args.addAll(clusterSettings(port));
        return args;
    }

    private static List<String> coordinator(int port, int firstNode) {
        List<String> args = new ArrayList<>(List.of("ablation", "--suite", shared.resolve("suite.conf").toAbsolutePath().toString(), "--out", "out", "--cluster",
                "--cluster-host", "127.0.0.1", "--join", "127.0.0.1:" + firstNode));
        args.addAll(clusterSettings(port));
        return args;
    }

    private static List<String> clusterSettings(int port) {
        return List.of("--set", "acktr.cluster.port=" + port, "--set", "acktr.cluster.port-count=1",
                "--set", "acktr.cluster.heartbeat-timeout=3s", "--set", "acktr.cluster.name=test-" + ProcessHandle.current().pid());
    }

    private Child start(Path dir, String name, List<String> args) throws IOException {
        Path workingDirectory = dir.resolve(name);
        Files.createDirectories(workingDirectory);
        Process process = command(workingDirectory, args).redirectError(workingDirectory.resolve("stderr.txt").toFile()).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Child child = new Child(name, process, lines, workingDirectory.resolve("stderr.txt"));
        children.add(child);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, "stdout of " + name);
        reader.setDaemon(true);
        reader.start();
        return child;
    }

    private static ProcessBuilder command(Path workingDirectory, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0", "-Djava.net.preferIPv4Stack=true",
                "-cp", System.getProperty("java.class.path"), "io.acktr.runtime.bootstrap.AcktrCommand"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        return builder;
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
