package io.acktr.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import io.acktr.api.training.UpdateMetrics;
import io.acktr.runtime.bootstrap.GuicePluginLookup;
import io.acktr.runtime.bus.ClusterObserver;
import io.acktr.runtime.bus.NodeStatus;
import io.acktr.runtime.bus.StartedRun;
import io.acktr.runtime.plugins.PluginLookup;
import io.acktr.runtime.suite.PlannedRun;
import io.acktr.runtime.suite.RunResult;
import io.acktr.runtime.suite.SuiteDefinition;
import io.acktr.runtime.suite.SuiteRunner;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A coordinator and a node in one process, over a local event bus: the protocol without the network. */
class SuiteCoordinatorTest {
    private static final ClassLoader LOADER = SuiteCoordinatorTest.class.getClassLoader();
    private static final PluginLookup PLUGINS = new GuicePluginLookup(LOADER);
    private static final SuiteDefinition TINY = SuiteDefinition.from(ConfigFactory.parseString("""
            suite {
              name = tiny, seeds = [3], baseline = a2c
              tasks = [ { name = cartpole, env = "CartPole-v1", total-steps = 1600, threshold = 5, settings { acktr.env.count = 8 } } ]
              variants = [
                { name = kfac, settings { acktr.curvature.type = kfac } }
                { name = a2c, settings { acktr { curvature.type = identity, step-size.type = rmsprop } } }
              ]
            }
            """).resolve());

    private Vertx vertx;
    private final StringWriter printed = new StringWriter();

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
        MessageCodecs.register(vertx.eventBus());
    }

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static ClusterSettings settings(Path work) {
        Config c = ConfigFactory.parseString("acktr.cluster { slots = 2, heartbeat-interval = 100ms, heartbeat-timeout = 2s,"
                + " progress-batch = 3, work-dir = \"" + work + "\" }").withFallback(ConfigFactory.defaultReference());
        return ClusterSettings.from(c);
    }

    private List<RunResult> coordinate(ClusterSettings settings, Path out) {
        return coordinate(settings, out, ClusterObserver.NONE);
    }

    private List<RunResult> coordinate(ClusterSettings settings, Path out, ClusterObserver observer) {
        List<PlannedRun> runs = new SuiteRunner(TINY, LOADER, List.of(), PLUGINS).plan(out);
        return new SuiteCoordinator(vertx, settings, TINY, runs, out, new PrintWriter(printed, true), observer).run();
    }

    /** What a coordinator tells its observer, as lines. */
    private static final class Told implements ClusterObserver {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final List<String> configurations = new CopyOnWriteArrayList<>();

        @Override
        public void nodeChanged(NodeStatus node) {
            lines.add("node " + node.slots() + " slots, runs " + node.runs() + (node.lost() ? ", lost" : ""));
        }

        @Override
        public void attemptStarted(StartedRun run, int attempt, String configuration, List<UpdateMetrics> rowsBefore) {
            lines.add("start " + run.name() + " (" + run.group() + ", " + run.environmentId() + ", " + run.totalSteps()
                    + " steps) attempt " + attempt + " after " + rowsBefore.size() + " rows");
            configurations.add(configuration);
        }

        @Override
        public void rowsArrived(String runId, List<UpdateMetrics> rows) {
            rows.forEach(row -> lines.add("row " + runId + " " + row.updates()));
        }

        @Override
        public void runQueued(String runId) {
            lines.add("queued " + runId);
        }

        @Override
        public void runEnded(String runId, boolean failed) {
            lines.add("end " + runId + (failed ? " failed" : ""));
        }
    }

    @Test
    @Timeout(60)
    void aNodeAnswersARollCallAtOnceRatherThanAtItsNextHeartbeat(@TempDir Path dir) throws Exception {
        // one heartbeat at start, the next a minute later: only the roll call can bring one sooner
        ClusterSettings slow = ClusterSettings.from(ConfigFactory.parseString("acktr.cluster { slots = 1,"
                + " heartbeat-interval = 60s, heartbeat-timeout = 120s, work-dir = \"" + dir + "\" }")
                .withFallback(ConfigFactory.defaultReference()));
        try (ClusterNode node = new ClusterNode(vertx, slow, LOADER, PLUGINS, new PrintWriter(new StringWriter()))) {
            node.start();
            Thread.sleep(300); // past the node's first heartbeat, which nobody heard
            CountDownLatch heard = new CountDownLatch(1);
            List<Object> heartbeats = new CopyOnWriteArrayList<>();
            var listener = vertx.eventBus().consumer(ClusterAddresses.HEARTBEATS, message -> {
                heartbeats.add(message.body());
                heard.countDown();
            });
            listener.completionHandler(registered -> vertx.eventBus().publish(ClusterAddresses.ROLL_CALL, new RollCall("s")));
            assertThat(heard.await(20, TimeUnit.SECONDS)).as("a heartbeat answering the roll call").isTrue();
            assertThat(heartbeats).first().isEqualTo(new NodeHeartbeat(node.nodeId(), "127.0.0.1", 1, 0, List.of()));
        }
    }

    @Test
    @Timeout(120)
    void aCoordinatorRestartedOnTheSameOutSkipsTheRunsCompleteThere(@TempDir Path dir) throws Exception {
        ClusterSettings settings = settings(dir.resolve("work"));
        Path out = dir.resolve("out");
        try (ClusterNode node = new ClusterNode(vertx, settings, LOADER, PLUGINS, new PrintWriter(new StringWriter()))) {
            node.start();
            Told told = new Told();
            List<RunResult> first = coordinate(settings, out, told);

            assertThat(first).extracting(RunResult::variant).containsExactly("kfac", "a2c");
            assertThat(out.resolve("runs/cartpole/kfac/seed-3/progress.csv")).exists();
            assertThat(Files.readAllLines(out.resolve("runs/cartpole/kfac/seed-3/progress.csv"))).hasSize(1 + 1600 / 160);
            assertThat(out.resolve("runs/cartpole/kfac/seed-3/checkpoint/parameters.bin")).exists();
            assertThat(out.resolve("runs/cartpole/a2c/seed-3/" + CompletedRuns.MARKER)).exists();
            assertThat(printed.toString()).contains("joined: 2 slots", "[2/2] cartpole ");
            for (String run : List.of("cartpole/kfac/seed-3", "cartpole/a2c/seed-3")) {
                List<String> expected = new ArrayList<>();
                expected.add("start " + run + " (" + run.split("/")[1] + ", CartPole-v1, 1600 steps) attempt 1 after 0 rows");
                for (int update = 1; update <= 10; update++) {
                    expected.add("row " + run + " " + update);
                }
                expected.add("end " + run);
                assertThat(told.lines).filteredOn(l -> l.contains(run) && !l.startsWith("node ")).as(run)
                        .containsExactlyElementsOf(expected);
            }
            assertThat(told.configurations).as("what the run directories' config.conf hold at the end").containsExactly(
                    Files.readString(out.resolve("runs/cartpole/kfac/seed-3/config.conf")),
                    Files.readString(out.resolve("runs/cartpole/a2c/seed-3/config.conf")));
            assertThat(told.lines).first().isEqualTo("node 2 slots, runs []");
            assertThat(told.lines).contains("node 2 slots, runs [cartpole/kfac/seed-3, cartpole/a2c/seed-3]")
                    .filteredOn(l -> l.startsWith("node ")).last().isEqualTo("node 2 slots, runs []");

            List<RunResult> again = coordinate(settings, out);

            assertThat(again).isEqualTo(first);
            assertThat(printed.toString()).contains("2 of 2 runs already complete in " + out + ": skipped");
        }
        try (var left = Files.walk(dir.resolve("work"))) {
            assertThat(left.filter(Files::isRegularFile)).as("the node's copies are gone once reported").isEmpty();
        }
    }

    @Test
    @Timeout(120)
    void aOneSlotNodeTakesTheNextRunSentTheMomentItReportsTheEndOfTheLast(@TempDir Path dir) throws Exception {
        ClusterSettings oneSlot = ClusterSettings.from(ConfigFactory.parseString("acktr.cluster.slots = 1")
                .withFallback(ConfigFactory.parseString("acktr.cluster.work-dir = \"" + dir.resolve("work") + "\""))
                .withFallback(ConfigFactory.defaultReference()));
        List<PlannedRun> runs = new SuiteRunner(TINY, LOADER, List.of(), PLUGINS).plan(dir.resolve("out"));
        List<RunAssignment> assignments = runs.stream().map(run -> new RunAssignment("s-1", run.id(), 1,
                run.config().root().render(ConfigRenderOptions.concise()), 475)).toList();
        try (ClusterNode node = new ClusterNode(vertx, oneSlot, LOADER, PLUGINS, new PrintWriter(new StringWriter()))) {
            assertThat(node.handle(new SuiteAnnouncement("s-1", "tiny", "127.0.0.1"))).isEqualTo(Reply.ACCEPTED);
            List<String> finished = new CopyOnWriteArrayList<>();
            List<Reply> nextTaken = new CopyOnWriteArrayList<>();
            CountDownLatch firstEnded = new CountDownLatch(1);
            CountDownLatch bothEnded = new CountDownLatch(2);
            vertx.eventBus().consumer(ClusterAddresses.suite("s-1"), message -> {
                if (message.body() instanceof RunFinished end) {
                    // as a coordinator does: the freed slot gets the next run before the end is confirmed
                    if (finished.isEmpty()) {
                        nextTaken.add(node.handle(assignments.get(1)));
                    }
                    finished.add(end.runId());
                    message.reply(Reply.ACCEPTED);
                    firstEnded.countDown();
                    bothEnded.countDown();
                }
            });

            assertThat(node.handle(assignments.get(0))).isEqualTo(Reply.ACCEPTED);
            assertThat(node.handle(assignments.get(1)).reason()).as("while the first trains").contains("no free slot");

            assertThat(firstEnded.await(100, TimeUnit.SECONDS)).isTrue();
            assertThat(nextTaken).containsExactly(Reply.ACCEPTED);
            assertThat(bothEnded.await(100, TimeUnit.SECONDS)).isTrue();
            assertThat(finished).containsExactly(runs.get(0).id(), runs.get(1).id());
        }
    }

    @Test
    void aNodeRefusesAndLogsUnknownProtocolVersionsAndSuites(@TempDir Path dir) {
        Logger logger = (Logger) LoggerFactory.getLogger(ClusterNode.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try (ClusterNode node = new ClusterNode(vertx, settings(dir), LOADER, PLUGINS, new PrintWriter(new StringWriter()))) {
            Reply version = node.handle(new UnknownProtocolMessage(7, "acktr.run-assignment"));
            Reply suite = node.handle(new RunAssignment("no-such-suite", "cartpole/kfac/seed-1", 1, "{}", 475));

            assertThat(version.accepted()).isFalse();
            assertThat(version.reason()).contains("protocol version 7", "speaks " + ClusterProtocol.VERSION);
            assertThat(suite.accepted()).isFalse();
            assertThat(suite.reason()).contains("no-such-suite", "no coordinator introduced");
            assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                    .containsExactly(version.reason(), suite.reason());
            assertThat(node.handle(new SuiteAnnouncement("s-1", "tiny", "127.0.0.1"))).isEqualTo(Reply.ACCEPTED);

            node.onRollCall(new UnknownProtocolMessage(7, "acktr.roll-call"));
            assertThat(logged.list).last().extracting(ILoggingEvent::getFormattedMessage)
                    .isEqualTo("ignored a acktr.roll-call of protocol version 7; this node speaks " + ClusterProtocol.VERSION);
        } finally {
            logger.detachAppender(logged);
        }
    }
}
