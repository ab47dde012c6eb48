package io.acktr.dashboard;

import io.acktr.runtime.bootstrap.ClusterOptions;
import io.acktr.runtime.bootstrap.DashboardProvider;
import io.acktr.runtime.cluster.ClusterSettings;
import io.acktr.runtime.cluster.NodeWatch;
import io.acktr.runtime.settings.ConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code acktr dashboard}: serves the runs stored in folders (their progress.csv and config.conf),
 * and with {@code --cluster} the nodes of a cluster from their heartbeats, until stopped.
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = {"Show runs in a web page: their learning curves, metrics and resolved configuration, read from"
                + " each run folder's progress.csv and config.conf (a suite's folder: every run under it).",
                "With --cluster, join a cluster (--join) as a passive member, offering no slots, and show its nodes from"
                + " their heartbeats: slots, busy slots, the runs they train, and which are lost.",
                "Serves until stopped (Ctrl-C). To watch runs while they train: acktr train --dashboard,"
                + " acktr ablation --dashboard (with --cluster: also the curves of the runs on the nodes)."})
final class DashboardCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "The port (acktr.dashboard.port; 0: a free one).")
    Integer port;

    @Option(names = "--host", paramLabel = "HOST", description = "The address to bind to (acktr.dashboard.host);"
            + " other than loopback, anyone who reaches it sees the runs: it has no authentication.")
    String host;

    @Parameters(paramLabel = "RUN_DIR|SUITE_DIR", arity = "0..*",
            description = "Run folders, or folders with runs under them.")
    List<Path> directories = new ArrayList<>();

    @Option(names = "--cluster", description = "Join the cluster (--join, --cluster-host) as a passive member and show its"
            + " nodes: their slots, busy slots and runs, from their heartbeats (acktr.cluster).")
    boolean cluster;

    @Mixin
    ClusterOptions clusterOptions = new ClusterOptions();

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
            description = "Override a setting: of acktr.dashboard, or of acktr.cluster with --cluster.")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        WebDashboard dashboard = serve(out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dashboard.close();
            stopped.countDown();
        }, "acktr-dashboard-stop"));
        stopped.await();
        return 0;
    }

    /** Checks the options and folders, then starts serving their runs, and the cluster's nodes with {@code --cluster}. */
    WebDashboard serve(PrintWriter out) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (!cluster && clusterOptions.given().isPresent()) {
            throw new IllegalArgumentException(clusterOptions.given().get() + " needs --cluster");
        }
        if (!cluster && directories.isEmpty()) {
            throw new IllegalArgumentException("RUN_DIR|SUITE_DIR: give run folders to show, or --cluster to show a cluster's"
                    + " nodes");
        }
        ClusterSettings clusterSettings = cluster ? clusterOptions.settings(loader, overrides, true) : null;
        DashboardSettings settings = WebDashboardProvider.override(
                DashboardSettings.from(ConfigLoader.load(loader, Optional.empty(), overrides)),
                new DashboardProvider.Address(Optional.ofNullable(host), port == null ? OptionalInt.empty() : OptionalInt.of(port),
                        "--host", "--port"));
        for (Path directory : directories) {
            if (RunFolders.find(directory).isEmpty()) {
                throw new IllegalArgumentException("RUN_DIR|SUITE_DIR " + directory + ": no run in it (no progress.csv)");
            }
        }
        WebDashboard dashboard = WebDashboard.startAndAnnounce(settings, "--host", "--port", out);
        int runs = RunFolders.addAll(dashboard.board(), directories);
        if (cluster) {
            try {
                dashboard.closeWith(NodeWatch.join(clusterSettings, dashboard));
            } catch (RuntimeException e) {
                dashboard.close();
                throw e;
            }
            out.println("dashboard: watching the nodes of the cluster " + clusterSettings.name() + " (members "
                    + clusterSettings.members() + ") from " + clusterSettings.host() + ", offering no slots");
        }
        out.println("dashboard: " + runs + " stored run" + (runs == 1 ? "" : "s") + "; Ctrl-C to stop");
        out.flush();
        return dashboard;
    }
}
