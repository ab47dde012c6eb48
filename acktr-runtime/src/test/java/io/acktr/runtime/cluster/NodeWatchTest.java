package io.acktr.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.acktr.api.training.UpdateMetrics;
import io.acktr.runtime.bootstrap.GuicePluginLookup;
import io.acktr.runtime.bus.ClusterObserver;
import io.acktr.runtime.bus.NodeStatus;
import io.acktr.runtime.bus.StartedRun;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A passive member's view of the nodes from their heartbeats: seen, changed, lost, back; other versions ignored. */
class NodeWatchTest {
    private static final long SECOND = 1_000_000_000L;
    private static final ClusterSettings SETTINGS = ClusterSettings.from(ConfigFactory.parseString(
            "acktr.cluster { heartbeat-interval = 100ms, heartbeat-timeout = 2s }").withFallback(ConfigFactory.defaultReference()));

    private final List<NodeStatus> told = new CopyOnWriteArrayList<>();

    @Test
    void aNodeIsToldOfWhenItComesChangesIsLostAndComesBack() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (NodeWatch watch = new NodeWatch(vertx, SETTINGS, new Nodes())) {
            NodeHeartbeat idle = new NodeHeartbeat("a", "10.0.0.1", 2, 0, List.of());
            NodeHeartbeat busy = new NodeHeartbeat("a", "10.0.0.1", 2, 1, List.of("cartpole/kfac/seed-1"));
            watch.heard(idle, 0);
            watch.heard(idle, SECOND);
            watch.heard(new UnknownProtocolMessage(2, "acktr.node-heartbeat"), SECOND);
            watch.heard(busy, 2 * SECOND);
            watch.checkHeartbeats(4 * SECOND);
            watch.checkHeartbeats(4 * SECOND + 1);
            watch.checkHeartbeats(5 * SECOND);
            watch.heard(idle, 6 * SECOND);

            assertThat(told).containsExactly(
                    new NodeStatus("a", "10.0.0.1", 2, 0, List.of(), false),
                    new NodeStatus("a", "10.0.0.1", 2, 1, List.of("cartpole/kfac/seed-1"), false),
                    new NodeStatus("a", "10.0.0.1", 2, 0, List.of(), true),
                    new NodeStatus("a", "10.0.0.1", 2, 0, List.of(), false));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theHeartbeatsOfANodeOnTheBusReachTheWatch(@TempDir Path dir) throws Exception {
        Vertx vertx = Vertx.vertx();
        MessageCodecs.register(vertx.eventBus());
        ClusterSettings settings = ClusterSettings.from(ConfigFactory.parseString("acktr.cluster { slots = 3,"
                + " heartbeat-interval = 50ms, work-dir = \"" + dir + "\" }").withFallback(ConfigFactory.defaultReference()));
        ClassLoader loader = getClass().getClassLoader();
        try (NodeWatch watch = new NodeWatch(vertx, settings, new Nodes());
             ClusterNode node = new ClusterNode(vertx, settings, loader, new GuicePluginLookup(loader),
                     new PrintWriter(new StringWriter()))) {
            watch.start();
            node.start();
            long deadline = System.nanoTime() + 10 * SECOND;
            while (told.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(told).first().isEqualTo(new NodeStatus(node.nodeId(), "127.0.0.1", 3, 0, List.of(), false));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private final class Nodes implements ClusterObserver {
        @Override
        public void nodeChanged(NodeStatus node) {
            told.add(node);
        }

        @Override
        public void attemptStarted(StartedRun run, int attempt, String configuration, List<UpdateMetrics> rowsBefore) {
            throw new AssertionError("a node watch knows of no runs' attempts");
        }

        @Override
        public void rowsArrived(String runId, List<UpdateMetrics> rows) {
            throw new AssertionError("a node watch knows of no rows");
        }

        @Override
        public void runQueued(String runId) {
            throw new AssertionError("a node watch knows of no queue");
        }

        @Override
        public void runEnded(String runId, boolean failed) {
            throw new AssertionError("a node watch knows of no runs' ends");
        }
    }
}
