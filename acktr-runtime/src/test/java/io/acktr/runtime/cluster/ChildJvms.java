package io.acktr.runtime.cluster;

import static java.util.concurrent.TimeUnit.SECONDS;

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

/**
 * Real {@code java} processes running the acktr command on the test class path, bound to
 * 127.0.0.1 (multicast is off in our Hazelcast configuration): what the cluster tests start, and
 * kill again in {@link #close()}.
 */
final class ChildJvms implements AutoCloseable {
    private final List<Child> children = new ArrayList<>();

    /** One child JVM and the lines it printed. */
    record Child(String name, Process process, List<String> lines, Path errorFile) {
        /** The first line that matches, waiting for it at most {@code timeout}. */
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

    /** Starts {@code acktr args} in {@code dir/name}, reading what it prints. */
    Child start(Path dir, String name, List<String> args) throws IOException {
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

    /** The command line of {@code acktr args} in a JVM of its own, one native thread, IPv4. */
    static ProcessBuilder command(Path workingDirectory, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0", "-Djava.net.preferIPv4Stack=true",
                "-cp", System.getProperty("java.class.path"), "io.acktr.runtime.bootstrap.AcktrCommand"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        return builder;
    }

    /** Ports free on the loopback interface at the time of the call. */
    static int[] freePorts(int count) throws IOException {
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

    /** The cluster settings of a test member: its Hazelcast port, a short heartbeat timeout, a cluster of this test JVM's own. */
    static List<String> clusterSettings(int port) {
        return List.of("--set", "acktr.cluster.port=" + port, "--set", "acktr.cluster.port-count=1",
                "--set", "acktr.cluster.heartbeat-timeout=3s", "--set", "acktr.cluster.name=test-" + ProcessHandle.current().pid());
    }

    /** Kills every child (SIGKILL) and its descendants, and waits for them. */
    @Override
    public void close() throws InterruptedException {
        for (Child child : children) {
            child.process().descendants().forEach(ProcessHandle::destroyForcibly);
            child.process().destroyForcibly();
        }
        for (Child child : children) {
            child.process().waitFor(30, SECONDS);
        }
        children.clear();
    }
}
