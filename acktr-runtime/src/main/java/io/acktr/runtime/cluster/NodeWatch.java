package io.acktr.runtime.cluster;

import static java.util.Objects.requireNonNull;

import io.acktr.runtime.bus.ClusterObserver;
import io.acktr.runtime.bus.NodeStatus;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nodes of a cluster as their heartbeats show them, for a passive member (it offers no slots
 * and publishes no heartbeat, so no coordinator hands it work): tells a {@link ClusterObserver} of
 * each node when it first beats, whenever what it says changes, and when it is lost, not heard
 * from for {@code acktr.cluster.heartbeat-timeout}; a lost node that beats again is back.
 * Heartbeats of another protocol version are ignored, with one warning, as a coordinator does.
 * Only {@link ClusterObserver#nodeChanged} is called, one call at a time.
 */
public final class NodeWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeWatch.class);

    private final Vertx vertx;
    private final ClusterSettings settings;
    private final ClusterObserver observer;
    private final Runnable leave;
    /** The nodes by id, with when each was last heard from; guarded by this. */
    private final Map<String, Seen> nodes = new LinkedHashMap<>();
    private boolean warnedOfOtherVersions;
    private MessageConsumer<Object> consumer;
    private long timer = -1;

    private record Seen(NodeStatus status, long atNanos) {
    }

    /** A watch on {@code vertx}'s bus, clustered or not; {@link #start()} starts it. */
    public NodeWatch(Vertx vertx, ClusterSettings settings, ClusterObserver observer) {
        this(vertx, settings, observer, () -> { });
    }

    private NodeWatch(Vertx vertx, ClusterSettings settings, ClusterObserver observer, Runnable leave) {
        this.vertx = requireNonNull(vertx, "vertx is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.observer = requireNonNull(observer, "observer is null");
        this.leave = requireNonNull(leave, "leave is null");
    }

    /**
     * Joins the cluster of {@code settings} as a passive member and watches its nodes until closed,
     * which leaves the cluster. Fails as {@link ClusterVertx#join} does.
     */
    public static NodeWatch join(ClusterSettings settings, ClusterObserver observer) {
        ClusterVertx.Joined joined = ClusterVertx.join(settings);
        NodeWatch watch = new NodeWatch(joined.vertx(), settings, observer, joined::close);
        watch.start();
        return watch;
    }

    /** Listens to the heartbeats, and checks every heartbeat interval for nodes gone quiet. */
    public void start() {
        consumer = vertx.eventBus().consumer(ClusterAddresses.HEARTBEATS, message -> heard(message.body(), System.nanoTime()));
        long interval = settings.heartbeatInterval().toMillis();
        timer = vertx.setPeriodic(interval, interval, id -> checkHeartbeats(System.nanoTime()));
    }

    synchronized void heard(Object body, long now) {
        if (!(body instanceof NodeHeartbeat heartbeat)) {
            if (body instanceof UnknownProtocolMessage unknown && !warnedOfOtherVersions) {
                warnedOfOtherVersions = true;
                LOG.warn("ignoring heartbeats of protocol version {}; this member speaks {}", unknown.protocol(),
                        ClusterProtocol.VERSION);
            }
            return;
        }
        NodeStatus status = new NodeStatus(heartbeat.nodeId(), heartbeat.host(), heartbeat.slots(), heartbeat.busy(),
                heartbeat.runs(), false);
        Seen before = nodes.put(heartbeat.nodeId(), new Seen(status, now));
        if (before == null || !before.status().equals(status)) {
            observer.nodeChanged(status);
        }
    }

    synchronized void checkHeartbeats(long now) {
        long timeout = settings.heartbeatTimeout().toNanos();
        for (Map.Entry<String, Seen> node : nodes.entrySet()) {
            NodeStatus status = node.getValue().status();
            if (!status.lost() && now - node.getValue().atNanos() > timeout) {
                NodeStatus lost = new NodeStatus(status.nodeId(), status.host(), status.slots(), 0, List.of(), true);
                node.setValue(new Seen(lost, node.getValue().atNanos()));
                observer.nodeChanged(lost);
            }
        }
    }

    /** Stops watching; a watch that joined the cluster leaves it. */
    @Override
    public void close() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (consumer != null) {
            consumer.unregister();
        }
        leave.run();
    }
}
