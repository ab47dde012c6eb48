package io.acktr.runtime.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.cp.SemaphoreConfig;
import io.acktr.runtime.bus.Codecs;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.JksOptions;
import io.vertx.core.net.KeyStoreOptionsBase;
import io.vertx.core.net.PfxOptions;
import io.vertx.core.spi.cluster.NodeInfo;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A clustered Vert.x joined with our own Hazelcast configuration: TCP/IP join with the configured
 * members, multicast and auto-detection off, bound to the configured interface only, the event bus
 * on that interface too (TLS when {@code acktr.cluster.tls.enabled}). The message codecs are
 * registered once here.
 */
public final class ClusterVertx {
    private ClusterVertx() {
    }

    /** A member of the cluster: its Vert.x, and where its Hazelcast and event bus listen. */
    public record Joined(Vertx vertx, String hazelcastAddress, String eventBusAddress) {
        /** Leaves the cluster. */
        public void close() {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // leaving is best effort: the others notice a member that is gone by its missing heartbeats
            }
        }
    }

    /** Joins the cluster, waiting at most {@code acktr.cluster.join-timeout}. */
    public static Joined join(ClusterSettings settings) {
        // read by Hazelcast before it reads its configuration's properties
        System.setProperty("hazelcast.logging.type", "slf4j");
        HazelcastClusterManager manager = new HazelcastClusterManager(hazelcast(settings));
        VertxOptions options = new VertxOptions().setClusterManager(manager).setEventBusOptions(eventBus(settings));
        Vertx vertx;
        try {
            vertx = Vertx.clusteredVertx(options).toCompletionStage().toCompletableFuture()
                    .get(settings.joinTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while joining the cluster", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot join the cluster on " + settings.host() + ":" + settings.port() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("could not join the cluster within " + settings.joinTimeout()
                    + " (members " + settings.members() + ")");
        }
        MessageCodecs.register(vertx.eventBus());
        Codecs.registerAll(vertx.eventBus()); // parameter snapshots and rollout parts of remote rollout workers
        NodeInfo eventBus = manager.getNodeInfo();
        String hazelcast = manager.getHazelcastInstance().getCluster().getLocalMember().getAddress().getHost() + ":"
                + manager.getHazelcastInstance().getCluster().getLocalMember().getAddress().getPort();
        return new Joined(vertx, hazelcast, eventBus.host() + ":" + eventBus.port());
    }

    /** Our Hazelcast configuration; never Hazelcast's or Vert.x's default (multicast) one. */
    static Config hazelcast(ClusterSettings settings) {
        Config config = new Config();
        config.setClusterName(settings.name());
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        // bind to the configured interface only, never to 0.0.0.0
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.socket.client.bind.any", "false");
        config.setProperty("hazelcast.local.localAddress", settings.host());
        // a member that stops answering is dropped after the same timeout as a node's heartbeats
        long timeoutSeconds = Math.max(5, settings.heartbeatTimeout().toSeconds());
        config.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(timeoutSeconds));
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        // the master admits a joining member at once instead of waiting for others to join with it:
        // a coordinator joined in 0.5 s instead of 1.5 s
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(settings.port()).setPortCount(settings.portCount()).setPortAutoIncrement(settings.portCount() > 1);
        network.getInterfaces().setEnabled(true).addInterface(settings.host());
        network.getRestApiConfig().setEnabled(false);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(5);
        settings.members().forEach(member -> join.getTcpIpConfig().addMember(member.toString()));
        // what Vert.x needs of Hazelcast (as in its own default configuration, without the multicast)
        config.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
                .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
        config.getMapConfig("__vertx.haInfo").setBackupCount(1);
        config.getMapConfig("__vertx.nodeInfo").setBackupCount(1);
        config.getCPSubsystemConfig().setCPMemberCount(0)
                .addSemaphoreConfig(new SemaphoreConfig("__vertx.*", false, 1));
        return config;
    }

    static EventBusOptions eventBus(ClusterSettings settings) {
        EventBusOptions options = new EventBusOptions().setHost(settings.host()).setPort(settings.eventBusPort())
                .setClusterPublicHost(settings.host());
        ClusterSettings.Tls tls = settings.tls();
        if (tls.enabled()) {
            options.setSsl(true).setClientAuth(ClientAuth.REQUIRED)
                    .setKeyCertOptions(store(tls.keyStore(), tls.keyStorePassword()))
                    .setTrustOptions(store(tls.trustStore(), tls.trustStorePassword()));
        }
        return options;
    }

    private static KeyStoreOptionsBase store(String path, String password) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".p12") || lower.endsWith(".pfx") ? new PfxOptions().setPath(path).setPassword(password)
                : new JksOptions().setPath(path).setPassword(password);
    }
}
