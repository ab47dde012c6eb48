package io.acktr.runtime.bootstrap;

import com.typesafe.config.Config;
import io.acktr.runtime.bus.ClusterObserver;
import io.acktr.runtime.bus.RunObserver;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ServiceLoader;
import picocli.CommandLine.Option;

/** {@code --dashboard}, {@code --dashboard-port}, {@code --dashboard-host} of the training commands. */
final class DashboardOptions {
    @Option(names = "--dashboard", description = "Serve a live web dashboard of the runs while they train"
            + " (acktr.dashboard: 127.0.0.1:8686 unless set); it closes when they end.")
    boolean dashboard;

    @Option(names = "--dashboard-port", paramLabel = "PORT", description = "The dashboard's port (acktr.dashboard.port).")
    Integer port;

    @Option(names = "--dashboard-host", paramLabel = "HOST", description = "The address the dashboard binds to"
            + " (acktr.dashboard.host); other than loopback, anyone who reaches it sees the runs: it has no authentication.")
    String host;

    /** The dashboard asked for, started; or {@code null}. */
    DashboardProvider.LiveDashboard start(ClassLoader loader, Config config, PrintWriter out) {
        if (!dashboard) {
            if (port != null || host != null) {
                throw new IllegalArgumentException((port != null ? "--dashboard-port" : "--dashboard-host")
                        + " needs --dashboard");
            }
            return null;
        }
        DashboardProvider provider = find(loader).orElseThrow(() -> new IllegalArgumentException(
                "--dashboard: no dashboard on the class path (the module acktr-dashboard; the bundle's lib/ has it)"));
        return provider.start(config, new DashboardProvider.Address(Optional.ofNullable(host),
                port == null ? OptionalInt.empty() : OptionalInt.of(port), "--dashboard-host", "--dashboard-port"), out);
    }

    static RunObserver observer(DashboardProvider.LiveDashboard live) {
        return live == null ? RunObserver.NONE : live;
    }

    static ClusterObserver clusterObserver(DashboardProvider.LiveDashboard live) {
        return live == null ? ClusterObserver.NONE : live;
    }

    static Optional<DashboardProvider> find(ClassLoader loader) {
        return ServiceLoader.load(DashboardProvider.class, loader).findFirst();
    }
}
