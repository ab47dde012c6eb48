package io.acktr.runtime.bootstrap;

import com.typesafe.config.Config;
import io.acktr.runtime.bus.ClusterObserver;
import io.acktr.runtime.bus.RunObserver;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The web dashboard, found with {@link java.util.ServiceLoader}: the runtime does not depend on the
 * module that serves it (acktr-dashboard), the bundle ships it. Without it, {@code --dashboard}
 * fails with exit code 2 and {@code acktr dashboard} does not exist.
 */
public interface DashboardProvider {
    /**
     * Starts serving a live dashboard and prints its address on {@code out}. The address is
     * {@code acktr.dashboard.host} and {@code .port} of {@code config} unless {@code address} says
     * otherwise. A bad value or a port in use fail with an {@link IllegalArgumentException} naming
     * the flag.
     */
    LiveDashboard start(Config config, Address address, PrintWriter out);

    /** The picocli command object of {@code acktr dashboard}. */
    Object command();

    /**
     * A running dashboard: it watches the runs it is told of, until closed: those of this process
     * on their buses ({@link RunObserver}), and those a coordinator hands to the nodes of a
     * cluster, with the nodes ({@link ClusterObserver}).
     */
    interface LiveDashboard extends RunObserver, ClusterObserver, AutoCloseable {
        /** The address it serves, e.g. {@code http://127.0.0.1:8686/}. */
        String url();

        @Override
        void close();
    }

    /** Host and port given on the command line, if any, and the flags that gave them (for errors). */
    record Address(Optional<String> host, OptionalInt port, String hostFlag, String portFlag) {
    }
}
