package io.acktr.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.runtime.bootstrap.AcktrCommand;
import io.acktr.runtime.bootstrap.DashboardProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line with the dashboard on the class path: acktr dashboard, and --dashboard of train. */
class DashboardCommandTest {
    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AcktrCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void theRuntimeFindsTheDashboardThroughServiceLoader() {
        assertThat(ServiceLoader.load(DashboardProvider.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(WebDashboardProvider.class);
        assertThat(run("--help").out()).contains("dashboard");
    }

    @Test
    void trainWithTheDashboardPrintsItsAddressAndTrains(@TempDir Path dir) {
        Result result = run("train", "--quiet", "--dashboard", "--dashboard-port", "0", "--set", "acktr.total-steps=640",
                "--set", "acktr.env.count=4", "--set", "acktr.run-dir=\"" + dir.resolve("run") + "\"");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("dashboard: http://127\\.0\\.0\\.1:[0-9]+/").contains("done: 640 env steps");
        assertThat(result.out()).doesNotContain("warning");
    }

    @Test
    void anAblationWithTheDashboardPrintsItsAddressAndRunsTheSuite(@TempDir Path dir) throws Exception {
        Path suite = Files.writeString(dir.resolve("tiny.conf"), """
                suite {
                  name = tiny, seeds = [1], baseline = a2c
                  tasks = [{ name = cartpole, env = "CartPole-v1", total-steps = 320, threshold = 475, settings { acktr.env.count = 4 } }]
                  variants = [{ name = a2c, settings { acktr { curvature.type = identity, step-size.type = rmsprop } } }]
                }""");
        Result result = run("ablation", "--suite", suite.toString(), "--out", dir.resolve("out").toString(), "--dashboard",
                "--dashboard-port", "0");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("dashboard: http://127\\.0\\.0\\.1:[0-9]+/").contains("results.md");
    }

    @Test
    void badDashboardFlagsExitWith2NamingTheFlag(@TempDir Path dir) throws Exception {
        Result port = run("train", "--dashboard", "--dashboard-port", "70000");
        assertThat(port.code()).isEqualTo(2);
        assertThat(port.err()).contains("--dashboard-port 70000: must be in 0..65535");
        Result notAnumber = run("train", "--dashboard", "--dashboard-port", "http");
        assertThat(notAnumber.code()).isEqualTo(2);
        assertThat(notAnumber.err()).contains("--dashboard-port");
        Result alone = run("train", "--dashboard-port", "9000");
        assertThat(alone.code()).isEqualTo(2);
        assertThat(alone.err()).contains("--dashboard-port needs --dashboard");
        Result blank = run("ablation", "--dashboard", "--dashboard-host", " ", "--out", dir.resolve("s").toString(),
                "--set", "acktr.total-steps=640");
        assertThat(blank.code()).isEqualTo(2);
        assertThat(blank.err()).contains("--dashboard-host \" \": must be an address of this machine");
    }

    @Test
    void theDashboardCommandRefusesBadFoldersAndPortsWith2(@TempDir Path dir) throws Exception {
        Result missing = run("dashboard", "--port", "0", dir.resolve("nope").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope: no such folder");
        Files.createDirectories(dir.resolve("empty"));
        Result empty = run("dashboard", "--port", "0", dir.resolve("empty").toString());
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).contains("no run in it (no progress.csv)");
        Path stored = RunFoldersTest.storedRun(dir.resolve("run"), "kfac", 3);
        Result range = run("dashboard", "--port", "65536", stored.toString());
        assertThat(range.code()).isEqualTo(2);
        assertThat(range.err()).contains("--port 65536: must be in 0..65535");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Result inUse = run("dashboard", "--port", String.valueOf(taken.getLocalPort()), stored.toString());
            assertThat(inUse.code()).isEqualTo(2);
            assertThat(inUse.err()).contains("--port " + taken.getLocalPort() + ": the port is in use on 127.0.0.1");
        }
    }

    @Test
    void theDashboardCommandTakesClusterFlagsOnlyWithClusterAndNeedsFoldersOrACluster() {
        Result join = run("dashboard", "--port", "0", "--join", "127.0.0.1:5701");
        assertThat(join.code()).isEqualTo(2);
        assertThat(join.err()).contains("--join needs --cluster");
        Result nothing = run("dashboard", "--port", "0");
        assertThat(nothing.code()).isEqualTo(2);
        assertThat(nothing.err()).contains("RUN_DIR|SUITE_DIR: give run folders to show, or --cluster");
        Result alone = run("dashboard", "--port", "0", "--cluster");
        assertThat(alone.code()).isEqualTo(2);
        assertThat(alone.err()).contains("'--join': no members to join");
    }

    @Test
    void theDashboardCommandServesTheRunsOfItsFolders(@TempDir Path dir) throws Exception {
        Path stored = RunFoldersTest.storedRun(dir.resolve("run"), "kfac", 3);
        DashboardCommand command = new DashboardCommand();
        command.port = 0;
        command.directories = java.util.List.of(stored);
        StringWriter out = new StringWriter();
        try (WebDashboard dashboard = command.serve(new PrintWriter(out, true)); Http http = new Http(dashboard.url())) {
            assertThat(out.toString()).contains("dashboard: " + dashboard.url(), "1 stored run;");
            assertThat(http.json("/api/runs").getJsonArray("runs").getJsonObject(0).getString("state")).isEqualTo("stored");
            assertThat(http.json("/api/runs/r1/progress").getJsonArray("rows")).hasSize(3);
        }
    }
}
