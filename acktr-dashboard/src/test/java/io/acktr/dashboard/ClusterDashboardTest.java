package io.acktr.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.acktr.runtime.bootstrap.GuicePluginLookup;
import io.acktr.runtime.bus.NodeStatus;
import io.acktr.runtime.cluster.ClusterNode;
import io.acktr.runtime.cluster.ClusterSettings;
import io.acktr.runtime.cluster.MessageCodecs;
import io.acktr.runtime.cluster.NodeWatch;
import io.acktr.runtime.cluster.SuiteCoordinator;
import io.acktr.runtime.plugins.PluginLookup;
import io.acktr.runtime.suite.PlannedRun;
import io.acktr.runtime.suite.SuiteDefinition;
import io.acktr.runtime.suite.SuiteRunner;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite coordinated over a node, both on one local event bus (the cluster's protocol without
 * the network), watched by a dashboard: its JSON serves the node and every run, on its node. And
 * a passive dashboard's view of the nodes from their heartbeats alone.
 */
class ClusterDashboardTest {
    private static final ClassLoader LOADER = ClusterDashboardTest.class.getClassLoader();
    private static final PluginLookup PLUGINS = new GuicePluginLookup(LOADER);
    private static final SuiteDefinition TINY = SuiteDefinition.from(ConfigFactory.parseString("""
            suite {
              name = tiny, seeds = [1], baseline = a2c
              tasks = [{ name = cartpole, env = "CartPole-v1", total-steps = 320, threshold = 475,
                         settings { acktr.env.count = 4 } }]
              variants = [
                { name = kfac, settings { acktr.curvature.type = kfac } }
                { name = a2c, settings { acktr { curvature.type = identity, step-size.type = rmsprop } } }
              ]
            }""").resolve());

    @Test
    @Timeout(120)
    void theNodesAndEveryRunOnItsNodeAreServed(@TempDir Path dir) throws Exception {
        ClusterSettings settings = ClusterSettings.from(ConfigFactory.parseString("acktr.cluster { slots = 2,"
                + " heartbeat-interval = 100ms, heartbeat-timeout = 5s, progress-batch = 2, work-dir = \""
                + dir.resolve("work") + "\" }").withFallback(ConfigFactory.defaultReference()));
        Vertx vertx = Vertx.vertx();
        MessageCodecs.register(vertx.eventBus());
        try (WebDashboard dashboard = WebDashboard.start(new DashboardSettings("127.0.0.1", 0, 4000), "--host", "--port");
             Http http = new Http(dashboard.url());
             ClusterNode node = new ClusterNode(vertx, settings, LOADER, PLUGINS, new PrintWriter(new StringWriter()))) {
            List<List<String>> runsOfTheNode = new java.util.concurrent.CopyOnWriteArrayList<>();
            dashboard.board().listen(new RunBoard.Listener() {
                @Override
                public void runChanged(BoardRun run) {
                }

                @Override
                public void rowAdded(BoardRun run, double[] row) {
                }

                @Override
                public void nodeChanged(NodeStatus status) {
                    runsOfTheNode.add(status.runs());
                }
            });
            node.start();
            List<PlannedRun> runs = new SuiteRunner(TINY, LOADER, List.of(), PLUGINS).plan(dir.resolve("out"));
            new SuiteCoordinator(vertx, settings, TINY, runs, dir.resolve("out"), new PrintWriter(new StringWriter()),
                    dashboard).run();

            JsonArray nodes = http.json("/api/nodes").getJsonArray("nodes");
            assertThat(nodes).hasSize(1);
            JsonObject served = nodes.getJsonObject(0);
            assertThat(served.getString("id")).isEqualTo(node.nodeId());
            assertThat(served.getString("host")).isEqualTo("127.0.0.1");
            assertThat(served.getInteger("slots")).isEqualTo(2);
            assertThat(served.getJsonArray("runs")).isEmpty();
            assertThat(served.getBoolean("lost")).isFalse();
            assertThat(runsOfTheNode).as("the node's runs as they were handed out and ended")
                    .contains(List.of("cartpole/kfac/seed-1", "cartpole/a2c/seed-1")).endsWith(List.of());

            JsonArray listed = http.json("/api/runs").getJsonArray("runs");
            assertThat(listed.stream().map(r -> ((JsonObject) r).getString("name"))).containsExactly(
                    "cartpole/kfac/seed-1", "cartpole/a2c/seed-1");
            assertThat(listed.stream().map(r -> ((JsonObject) r).getString("group"))).containsExactly("kfac", "a2c");
            assertThat(listed.stream().map(r -> ((JsonObject) r).getString("node"))).containsOnly(node.nodeId());
            assertThat(listed.stream().map(r -> ((JsonObject) r).getInteger("attempt"))).containsOnly(1);
            assertThat(listed.stream().map(r -> ((JsonObject) r).getString("state"))).containsOnly("finished");
            assertThat(listed.stream().map(r -> ((JsonObject) r).getLong("steps"))).containsOnly(320L);
            for (int i = 1; i <= 2; i++) {
                assertThat(http.json("/api/runs/r" + i + "/progress").getJsonArray("rows")).hasSize(320 / 80);
            }
            assertThat(http.get("/api/runs/r1/config").bodyAsString()).contains("CartPole-v1");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(60)
    void aPassiveDashboardShowsTheNodesFromTheirHeartbeatsAndOneGoneQuietAsLost(@TempDir Path dir) throws Exception {
        ClusterSettings settings = ClusterSettings.from(ConfigFactory.parseString("acktr.cluster { slots = 3,"
                + " heartbeat-interval = 50ms, heartbeat-timeout = 400ms, work-dir = \"" + dir + "\" }")
                .withFallback(ConfigFactory.defaultReference()));
        Vertx vertx = Vertx.vertx();
        MessageCodecs.register(vertx.eventBus());
        try (WebDashboard dashboard = WebDashboard.start(new DashboardSettings("127.0.0.1", 0, 4000), "--host", "--port");
             Http http = new Http(dashboard.url())) {
            NodeWatch watch = new NodeWatch(vertx, settings, dashboard);
            dashboard.closeWith(watch);
            watch.start();
            ClusterNode node = new ClusterNode(vertx, settings, LOADER, PLUGINS, new PrintWriter(new StringWriter()));
            node.start();

            Http.await("the node", () -> !http.json("/api/nodes").getJsonArray("nodes").isEmpty(), 10);
            assertThat(http.json("/api/nodes").getJsonArray("nodes").getJsonObject(0).encode()).isEqualTo(new JsonObject()
                    .put("id", node.nodeId()).put("host", "127.0.0.1").put("slots", 3).put("busy", 0)
                    .put("runs", new JsonArray()).put("lost", false).encode());

            node.close(); // its heartbeats stop
            Http.await("the node lost", () -> http.json("/api/nodes").getJsonArray("nodes").getJsonObject(0).getBoolean("lost"), 10);
            assertThat(http.json("/api/runs").getJsonArray("runs")).isEmpty();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
