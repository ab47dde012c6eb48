package io.acktr.dashboard;

import com.typesafe.config.Config;
import io.acktr.runtime.bootstrap.DashboardProvider;
import java.io.PrintWriter;

/** The runtime's way to the dashboard, listed in {@code META-INF/services}. */
public final class WebDashboardProvider implements DashboardProvider {
    @Override
    public LiveDashboard start(Config config, Address address, PrintWriter out) {
        DashboardSettings settings = DashboardSettings.from(config);
        return WebDashboard.startAndAnnounce(override(settings, address), address.hostFlag(), address.portFlag(), out);
    }

    /** {@code settings} at the host and port of the command line, checked, errors naming the flag. */
    static DashboardSettings override(DashboardSettings settings, Address address) {
        String host = address.host().orElse(settings.host());
        int port = address.port().orElse(settings.port());
        if (host.isBlank()) {
            throw new IllegalArgumentException(address.hostFlag() + " \"" + host + "\": must be an address of this machine,"
                    + " e.g. 127.0.0.1");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(address.portFlag() + " " + port + ": must be in 0..65535 (0: a free port)");
        }
        return settings.at(host, port);
    }

    @Override
    public Object command() {
        return new DashboardCommand();
    }
}
