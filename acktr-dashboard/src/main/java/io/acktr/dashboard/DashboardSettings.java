package io.acktr.dashboard;

import static io.acktr.api.plugin.SettingsReader.invalid;
import static io.acktr.api.plugin.SettingsReader.requireAtLeast;
import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;

/**
 * Settings of {@code acktr.dashboard}; defaults live in {@code reference.conf}.
 *
 * @param host the address the server binds to
 * @param port its port, 0 for a free one
 * @param maxRowsPerRun rows kept per run; past it every second one is dropped
 */
public record DashboardSettings(String host, int port, int maxRowsPerRun) {
    public static final String PREFIX = "acktr.dashboard";
    public static final String HOST = PREFIX + ".host";
    public static final String PORT = PREFIX + ".port";
    public static final String MAX_ROWS_PER_RUN = PREFIX + ".max-rows-per-run";

    public DashboardSettings {
        requireNonNull(host, "host is null");
        if (host.isBlank()) {
            throw invalid(HOST, "\"" + host + "\"", "must be an address of this machine, e.g. 127.0.0.1");
        }
        if (port < 0 || port > 65535) {
            throw invalid(PORT, port, "must be in 0..65535 (0: a free port)");
        }
        requireAtLeast(MAX_ROWS_PER_RUN, maxRowsPerRun, 2);
    }

    public static DashboardSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new DashboardSettings(r.string("host"), r.intValue("port"), r.intValue("max-rows-per-run"));
    }

    /** These settings at another host and port (given on the command line). */
    public DashboardSettings at(String otherHost, int otherPort) {
        return new DashboardSettings(otherHost, otherPort, maxRowsPerRun);
    }
}
