package io.acktr.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {
    private static final Config REFERENCE = ConfigFactory.defaultReference();
    private static final ClusterSettings.Tls NO_TLS = new ClusterSettings.Tls(false, "", "", "", "");

    @Test
    void theDefaultsBindToLoopbackWithNoMembersAndOneSlotPerCore() {
        assertThat(ClusterSettings.from(REFERENCE)).isEqualTo(new ClusterSettings("127.0.0.1", 5701, 10, 0, List.of(), "acktr", 0,
                Duration.ofSeconds(1), Duration.ofSeconds(10), 20, Path.of("cluster-work"), Duration.ofSeconds(60),
                Duration.ofMinutes(10), NO_TLS));
        assertThat(ClusterSettings.from(REFERENCE).effectiveSlots()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void everyKeyIsMappedFromItsPath() {
        Config c = ConfigFactory.parseString("""
                acktr.cluster { host = "10.0.0.5", port = 6000, port-count = 1, event-bus-port = 6100,
                  members = ["10.0.0.6:6000", "node-b:5701"], name = lab, slots = 3, heartbeat-interval = 500ms,
                  heartbeat-timeout = 4s, progress-batch = 5, work-dir = "/tmp/w", join-timeout = 20s, rollout-idle-timeout = 90s,
                  tls { enabled = true, key-store = "k.p12", key-store-password = a, trust-store = "t.jks", trust-store-password = b } }
                """).withFallback(REFERENCE);
        assertThat(ClusterSettings.from(c)).isEqualTo(new ClusterSettings("10.0.0.5", 6000, 1, 6100,
                List.of(new ClusterSettings.Member("10.0.0.6", 6000), new ClusterSettings.Member("node-b", 5701)), "lab", 3,
                Duration.ofMillis(500), Duration.ofSeconds(4), 5, Path.of("/tmp/w"), Duration.ofSeconds(20),
                Duration.ofSeconds(90), new ClusterSettings.Tls(true, "k.p12", "a", "t.jks", "b")));
    }

    @Test
    void invalidValuesNameThePathTheValueAndTheRule() {
        assertThatThrownBy(() -> ClusterSettings.from(ConfigFactory.parseString("acktr.cluster.members = [\"10.0.0.6\"]")
                .withFallback(REFERENCE))).isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.cluster.members[0]").hasMessageContaining("10.0.0.6").hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> ClusterSettings.from(ConfigFactory.parseString("acktr.cluster.members = [\"h:99999\"]")
                .withFallback(REFERENCE))).hasMessageContaining("acktr.cluster.members[0]").hasMessageContaining("65535");
        assertThatThrownBy(() -> ClusterSettings.from(ConfigFactory.parseString("acktr.cluster.heartbeat-timeout = 1s")
                .withFallback(REFERENCE))).hasMessageContaining("acktr.cluster.heartbeat-timeout")
                .hasMessageContaining("twice heartbeat-interval");
        assertThatThrownBy(() -> ClusterSettings.from(ConfigFactory.parseString("acktr.cluster.port = 0")
                .withFallback(REFERENCE))).hasMessageContaining("acktr.cluster.port").hasMessageContaining("0: must be between 1 and 65535");
        assertThatThrownBy(() -> ClusterSettings.from(ConfigFactory.parseString("acktr.cluster.heartbeat-interval = soon")
                .withFallback(REFERENCE))).hasMessageContaining("acktr.cluster.heartbeat-interval").hasMessageContaining("duration");
        assertThatThrownBy(() -> ClusterSettings.from(ConfigFactory.parseString("acktr.cluster.tls.enabled = true")
                .withFallback(REFERENCE))).hasMessageContaining("acktr.cluster.tls").hasMessageContaining("key-store");
    }

    @Test
    void ourHazelcastConfigurationJoinsOverTcpIpOnlyAndBindsToTheConfiguredInterface() {
        ClusterSettings settings = ClusterSettings.from(ConfigFactory.parseString("""
                acktr.cluster { host = "127.0.0.1", port = 6000, port-count = 1, members = ["127.0.0.1:6001"], name = lab }
                """).withFallback(REFERENCE));
        com.hazelcast.config.Config hazelcast = ClusterVertx.hazelcast(settings);

        assertThat(hazelcast.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
        assertThat(hazelcast.getNetworkConfig().getJoin().getAutoDetectionConfig().isEnabled()).isFalse();
        assertThat(hazelcast.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled()).isTrue();
        assertThat(hazelcast.getNetworkConfig().getJoin().getTcpIpConfig().getMembers()).containsExactly("127.0.0.1:6001");
        assertThat(hazelcast.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
        assertThat(hazelcast.getNetworkConfig().getPort()).isEqualTo(6000);
        assertThat(hazelcast.getNetworkConfig().isPortAutoIncrement()).isFalse();
        assertThat(hazelcast.getProperty("hazelcast.socket.bind.any")).isEqualTo("false");
        assertThat(hazelcast.getClusterName()).isEqualTo("lab");
        assertThat(ClusterVertx.eventBus(settings).getHost()).isEqualTo("127.0.0.1");
        assertThat(ClusterVertx.eventBus(settings).isSsl()).isFalse();
    }
}
