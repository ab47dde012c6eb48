package io.acktr.runtime.cluster;

import static io.acktr.api.plugin.SettingsReader.invalid;
import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.acktr.api.plugin.SettingsReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of {@code acktr.cluster}; defaults live in {@code reference.conf}.
 *
 * @param host the interface Hazelcast and the event bus bind to
 * @param port Hazelcast's first port; {@code portCount} ports are tried from it
 * @param eventBusPort the event bus's port, 0 for a free one
 * @param members the members to join
 * @param slots runs a node trains at once; 0 for one per core
 * @param progressBatch updates per progress message
 * @param rolloutIdleTimeout how long a rollout worker a node hosts for a learner elsewhere may go
 *     without a request before the node lets it go
 */
public record ClusterSettings(String host, int port, int portCount, int eventBusPort, List<Member> members, String name,
                              int slots, Duration heartbeatInterval, Duration heartbeatTimeout, int progressBatch,
                              Path workDirectory, Duration joinTimeout, Duration rolloutIdleTimeout, Tls tls) {
    public static final String PREFIX = "acktr.cluster";

    /** A member to join: a host and its Hazelcast port. */
    public record Member(String host, int port) {
        public Member {
            requireNonNull(host, "host is null");
        }

        /** {@code host:port}; {@code path} names the setting or option in the error. */
        public static Member parse(String path, String text) {
            int colon = text.lastIndexOf(':');
            if (colon <= 0 || colon == text.length() - 1) {
                throw invalid(path, text, "expected HOST:PORT, e.g. 10.0.0.5:5701");
            }
            String host = text.substring(0, colon).strip();
            int port;
            try {
                port = Integer.parseInt(text.substring(colon + 1).strip());
            } catch (NumberFormatException e) {
                throw invalid(path, text, "the port must be a number between 1 and 65535");
            }
            if (port < 1 || port > 65535 || host.isEmpty() || host.contains(" ")) {
                throw invalid(path, text, "expected HOST:PORT with a port between 1 and 65535");
            }
            return new Member(host, port);
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /** TLS on the event bus; the stores are empty when it is off. */
    public record Tls(boolean enabled, String keyStore, String keyStorePassword, String trustStore,
                      String trustStorePassword) {
        @Override
        public String toString() {
            return "Tls[enabled=" + enabled + ", keyStore=" + keyStore + ", trustStore=" + trustStore + "]";
        }
    }

    public ClusterSettings {
        requireNonNull(host, "host is null");
        members = List.copyOf(members);
        if (host.isBlank() || host.contains(" ")) {
            throw invalid(PREFIX + ".host", host, "must be an address of this machine, e.g. 10.0.0.5");
        }
        requirePort(PREFIX + ".port", port, 1);
        SettingsReader.requireAtLeast(PREFIX + ".port-count", portCount, 1);
        requirePort(PREFIX + ".event-bus-port", eventBusPort, 0);
        if (name.isBlank()) {
            throw invalid(PREFIX + ".name", name, "must not be empty");
        }
        SettingsReader.requireAtLeast(PREFIX + ".slots", slots, 0);
        requirePositive(PREFIX + ".heartbeat-interval", heartbeatInterval);
        requirePositive(PREFIX + ".join-timeout", joinTimeout);
        requirePositive(PREFIX + ".rollout-idle-timeout", rolloutIdleTimeout);
        if (heartbeatTimeout.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw invalid(PREFIX + ".heartbeat-timeout", heartbeatTimeout,
                    "must be at least twice heartbeat-interval (" + heartbeatInterval + ")");
        }
        SettingsReader.requireAtLeast(PREFIX + ".progress-batch", progressBatch, 1);
        if (tls.enabled() && (tls.keyStore().isEmpty() || tls.trustStore().isEmpty())) {
            throw invalid(PREFIX + ".tls", "enabled = true", "needs key-store and trust-store");
        }
    }

    public static ClusterSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        List<Member> members = new ArrayList<>();
        List<String> listed;
        try {
            listed = config.getStringList(r.path("members"));
        } catch (ConfigException.WrongType e) {
            throw r.bad("members", config.getValue(r.path("members")).unwrapped(), "must be a list of \"host:port\"");
        }
        for (int i = 0; i < listed.size(); i++) {
            members.add(Member.parse(r.path("members") + "[" + i + "]", listed.get(i)));
        }
        Tls tls = new Tls(r.bool("tls.enabled"), r.string("tls.key-store"), r.string("tls.key-store-password"),
                r.string("tls.trust-store"), r.string("tls.trust-store-password"));
        return new ClusterSettings(r.string("host"), r.intValue("port"), r.intValue("port-count"),
                r.intValue("event-bus-port"), members, r.string("name"), r.intValue("slots"),
                duration(config, r, "heartbeat-interval"), duration(config, r, "heartbeat-timeout"),
                r.intValue("progress-batch"), Path.of(r.string("work-dir")), duration(config, r, "join-timeout"),
                duration(config, r, "rollout-idle-timeout"), tls);
    }

    /** The run slots of a node: {@code slots}, or one per core when it is 0. */
    public int effectiveSlots() {
        return slots > 0 ? slots : Runtime.getRuntime().availableProcessors();
    }

    private static Duration duration(Config config, SettingsReader r, String key) {
        try {
            return config.getDuration(r.path(key));
        } catch (ConfigException.BadValue | ConfigException.WrongType e) {
            throw r.bad(key, config.getValue(r.path(key)).unwrapped(), "must be a duration, e.g. 10s");
        }
    }

    private static void requirePort(String path, int port, int min) {
        if (port < min || port > 65535) {
            throw invalid(path, port, "must be between " + min + " and 65535");
        }
    }

    private static void requirePositive(String path, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw invalid(path, duration, "must be > 0");
        }
    }
}
