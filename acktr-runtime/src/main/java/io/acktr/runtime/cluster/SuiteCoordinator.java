package io.acktr.runtime.cluster;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigRenderOptions;
import io.acktr.runtime.bus.ClusterObserver;
import io.acktr.runtime.bus.NodeStatus;
import io.acktr.runtime.bus.StartedRun;
import io.acktr.runtime.lifecycle.RunDirectory;
import io.acktr.runtime.suite.PlannedRun;
import io.acktr.runtime.suite.RunResult;
import io.acktr.runtime.suite.SuiteDefinition;
import io.acktr.runtime.suite.SuiteReport;
import io.acktr.runtime.suite.SuiteRunner;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a suite on the nodes of a cluster: hands each run not yet complete under {@code out} to a
 * free slot of any node (a node that joins mid-suite gets work), gathers its progress rows and its
 * end, and writes the same run directories, {@code results.md} and {@code results.json} as a local
 * suite. A node not heard from for {@code acktr.cluster.heartbeat-timeout} is lost: its unfinished
 * runs go back to the front of the queue as a new attempt, which resumes from the last checkpoint
 * the node sent ({@link RunCheckpoint}, every {@code acktr.checkpoint.interval} updates) with the
 * progress rows up to it, or starts from scratch when none came. A run is recorded once: reports
 * of any attempt but the current one are ignored. A {@link ClusterObserver} (the dashboard) hears of
 * the nodes and of each run's attempts, rows and end as they happen.
 *
 * <p>All state lives on one coordinator thread; the event bus's handlers hand their messages to it.
 */
public final class SuiteCoordinator {
    private static final Logger LOG = LoggerFactory.getLogger(SuiteCoordinator.class);
    private static final long REQUEST_TIMEOUT_MILLIS = 10_000;

    private final Vertx vertx;
    private final ClusterSettings settings;
    private final SuiteDefinition suite;
    private final List<PlannedRun> runs;
    private final Path out;
    private final PrintWriter console;
    private final ClusterObserver observer;
    private final String suiteId = UUID.randomUUID().toString();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread t = new Thread(runnable, "acktr-coordinator");
        t.setDaemon(true);
        return t;
    });
    private final CompletableFuture<List<RunResult>> done = new CompletableFuture<>();

    // state, on the coordinator thread only
    private final RunResult[] results;
    private final Deque<RunAttempt> queue = new ArrayDeque<>();
    private final Map<String, RunAttempt> inFlight = new HashMap<>();
    private final Map<String, NodeState> nodes = new LinkedHashMap<>();
    private final Map<String, Integer> attempts = new HashMap<>();
    private int completed;
    private boolean warnedOfOtherVersions;

    private static final class NodeState {
        final String host;
        int slots;
        int busy;
        long lastSeenNanos;
        boolean ready;
        boolean waitForHeartbeat;
        final Set<String> runs = new LinkedHashSet<>();

        NodeState(String host, int slots, long now) {
            this.host = host;
            this.slots = slots;
            this.lastSeenNanos = now;
        }
    }

    public SuiteCoordinator(Vertx vertx, ClusterSettings settings, SuiteDefinition suite, List<PlannedRun> runs, Path out,
                            PrintWriter console) {
        this(vertx, settings, suite, runs, out, console, ClusterObserver.NONE);
    }

    /** A coordinator that tells {@code observer} of the nodes and of each run as it goes. */
    public SuiteCoordinator(Vertx vertx, ClusterSettings settings, SuiteDefinition suite, List<PlannedRun> runs, Path out,
                            PrintWriter console, ClusterObserver observer) {
        this.vertx = requireNonNull(vertx, "vertx is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.suite = requireNonNull(suite, "suite is null");
        this.runs = List.copyOf(runs);
        this.out = requireNonNull(out, "out is null");
        this.console = requireNonNull(console, "console is null");
        this.observer = requireNonNull(observer, "observer is null");
        this.results = new RunResult[runs.size()];
    }

    /** Runs the suite to its end and returns the results in the suite's order. */
    public List<RunResult> run() {
        List<MessageConsumer<Object>> consumers = new ArrayList<>();
        try {
            thread.submit(this::plan).get();
            MessageConsumer<Object> heartbeats = vertx.eventBus().consumer(ClusterAddresses.HEARTBEATS,
                    m -> thread.execute(() -> onHeartbeat(m.body())));
            consumers.add(heartbeats);
            // the nodes answer a roll call at once; a node that misses it is found by its next heartbeat
            heartbeats.completionHandler(registered -> {
                if (registered.succeeded()) {
                    vertx.eventBus().publish(ClusterAddresses.ROLL_CALL, new RollCall(suiteId));
                }
            });
            consumers.add(vertx.eventBus().consumer(ClusterAddresses.suite(suiteId), this::onReport));
            long interval = settings.heartbeatInterval().toMillis();
            thread.scheduleWithFixedDelay(this::checkHeartbeats, interval, interval, TimeUnit.MILLISECONDS);
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the suite was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            consumers.forEach(MessageConsumer::unregister);
            thread.shutdownNow();
        }
    }

    private void plan() {
        int skipped = 0;
        for (int i = 0; i < runs.size(); i++) {
            PlannedRun run = runs.get(i);
            var earlier = CompletedRuns.read(run);
            if (earlier.isPresent()) {
                results[i] = earlier.get();
                completed++;
                skipped++;
            } else {
                queue.add(new RunAttempt(i, run, nextAttempt(run)));
            }
        }
        if (skipped > 0) {
            say("%d of %d runs already complete in %s: skipped", skipped, runs.size(), out);
        }
        say("suite %s: waiting for nodes (heartbeats on the cluster %s)", suiteId, settings.name());
        if (completed == runs.size()) {
            finish();
        }
    }

    private int nextAttempt(PlannedRun run) {
        return attempts.merge(run.id(), 1, Integer::sum);
    }

    private void onHeartbeat(Object body) {
        if (!(body instanceof NodeHeartbeat heartbeat)) {
            if (body instanceof UnknownProtocolMessage unknown && !warnedOfOtherVersions) {
                warnedOfOtherVersions = true; // such a node never gets work
                LOG.warn("ignoring heartbeats of protocol version {}; this coordinator speaks {}", unknown.protocol(),
                        ClusterProtocol.VERSION);
            }
            return;
        }
        long now = System.nanoTime();
        NodeState node = nodes.get(heartbeat.nodeId());
        if (node != null) {
            node.lastSeenNanos = now;
            if (node.slots != heartbeat.slots() || node.busy != heartbeat.busy()) {
                node.slots = heartbeat.slots();
                node.busy = heartbeat.busy();
                tellOf(heartbeat.nodeId(), node);
            }
            if (node.waitForHeartbeat) {
                node.waitForHeartbeat = false;
                dispatch();
            }
            return;
        }
        NodeState joining = new NodeState(heartbeat.host(), heartbeat.slots(), now);
        joining.busy = heartbeat.busy();
        nodes.put(heartbeat.nodeId(), joining);
        SuiteAnnouncement announcement = new SuiteAnnouncement(suiteId, suite.name(), settings.host());
        vertx.eventBus().request(ClusterAddresses.node(heartbeat.nodeId()), announcement, requestOptions())
                .onComplete(reply -> thread.execute(() -> {
                    if (nodes.get(heartbeat.nodeId()) != joining) {
                        return;
                    }
                    if (reply.succeeded() && reply.result().body() instanceof Reply r && r.accepted()) {
                        joining.ready = true;
                        say("node %s joined: %d slot%s", heartbeat.nodeId(), joining.slots, joining.slots == 1 ? "" : "s");
                        tellOf(heartbeat.nodeId(), joining);
                        dispatch();
                    } else {
                        nodes.remove(heartbeat.nodeId()); // asked again at its next heartbeat
                        say("node %s did not take the suite: %s", heartbeat.nodeId(),
                                reply.succeeded() ? reply.result().body() : reply.cause().getMessage());
                    }
                }));
    }

    /** Hands queued runs to free slots, the node with the most free slots first. */
    private void dispatch() {
        while (!queue.isEmpty() && !done.isDone()) {
            Map.Entry<String, NodeState> target = null;
            for (Map.Entry<String, NodeState> node : nodes.entrySet()) {
                NodeState n = node.getValue();
                if (n.ready && !n.waitForHeartbeat && n.runs.size() < n.slots
                        && (target == null || n.slots - n.runs.size() > target.getValue().slots - target.getValue().runs.size())) {
                    target = node;
                }
            }
            if (target == null) {
                return;
            }
            RunAttempt attempt = queue.poll();
            String nodeId = target.getKey();
            NodeState node = target.getValue();
            attempt.nodeId = nodeId;
            node.runs.add(attempt.run.id());
            inFlight.put(attempt.run.id(), attempt);
            RunAssignment assignment = new RunAssignment(suiteId, attempt.run.id(), attempt.number,
                    attempt.run.config().root().render(ConfigRenderOptions.concise()), attempt.run.task().threshold(),
                    attempt.resumeFrom == null ? List.of() : attempt.rows,
                    attempt.resumeFrom == null ? Map.of() : attempt.resumeFrom.files());
            say("%s %s seed %d -> node %s (attempt %d)", attempt.run.task().name(), attempt.run.variant().name(),
                    attempt.run.seed(), nodeId, attempt.number);
            observer.attemptStarted(started(attempt.run, nodeId), attempt.number, RunDirectory.configFile(attempt.run.config()),
                    List.copyOf(attempt.rows));
            tellOf(nodeId, node);
            vertx.eventBus().request(ClusterAddresses.node(nodeId), assignment, requestOptions())
                    .onComplete(reply -> thread.execute(() -> {
                        if (reply.succeeded() && reply.result().body() instanceof Reply r && r.accepted()) {
                            return;
                        }
                        String why = reply.succeeded() ? String.valueOf(reply.result().body()) : reply.cause().getMessage();
                        if (inFlight.get(attempt.run.id()) == attempt) {
                            say("node %s did not take %s: %s", nodeId, attempt.run.id(), why);
                            takeBack(attempt, nodeId, false);
                            NodeState n = nodes.get(nodeId);
                            if (n != null) {
                                n.waitForHeartbeat = true;
                            }
                            dispatch();
                        }
                    }));
        }
    }

    /**
     * The run goes back to the front of the queue as a new attempt: from the attempt's latest
     * checkpoint when {@code fromCheckpoint}, else from where the attempt itself started.
     */
    private RunAttempt takeBack(RunAttempt attempt, String nodeId, boolean fromCheckpoint) {
        inFlight.remove(attempt.run.id());
        NodeState node = nodes.get(nodeId);
        if (node != null) {
            node.runs.remove(attempt.run.id());
            tellOf(nodeId, node);
        }
        RunAttempt next = attempt.next(nextAttempt(attempt.run), fromCheckpoint);
        queue.addFirst(next);
        observer.runQueued(attempt.run.id());
        return next;
    }

    private void checkHeartbeats() {
        long now = System.nanoTime();
        long timeout = settings.heartbeatTimeout().toNanos();
        List<String> lost = nodes.entrySet().stream().filter(e -> now - e.getValue().lastSeenNanos > timeout)
                .map(Map.Entry::getKey).toList();
        for (String nodeId : lost) {
            NodeState node = nodes.remove(nodeId);
            say("node %s left: no heartbeat for %.1f s; %d unfinished run%s", nodeId, (now - node.lastSeenNanos) / 1e9,
                    node.runs.size(), node.runs.size() == 1 ? "" : "s");
            observer.nodeChanged(new NodeStatus(nodeId, node.host, node.slots, 0, List.of(), true));
            for (String runId : List.copyOf(node.runs)) {
                RunAttempt attempt = inFlight.get(runId);
                if (attempt != null && nodeId.equals(attempt.nodeId)) {
                    RunAttempt next = takeBack(attempt, nodeId, true);
                    if (next.resumeFrom == null) {
                        say("re-dispatching %s (attempt %d) from scratch", runId, next.number);
                    } else {
                        say("re-dispatching %s (attempt %d) from the checkpoint of update %d", runId, next.number,
                                next.resumeFrom.updates());
                    }
                }
            }
        }
        if (!lost.isEmpty()) {
            dispatch();
        }
    }

    private void onReport(Message<Object> message) {
        Object body = message.body();
        if (body instanceof RunFinished) {
            message.reply(Reply.ACCEPTED); // every copy: the node may send it again
        }
        thread.execute(() -> {
            if (body instanceof RunProgress progress) {
                onProgress(progress);
            } else if (body instanceof RunFinished finished) {
                onFinished(finished);
            } else if (body instanceof RunFailed failed) {
                onFailed(failed);
            } else if (body instanceof RunCheckpoint checkpoint) {
                onCheckpoint(checkpoint);
            }
        });
    }

    /** The current attempt a report belongs to, or null for a stale or repeated one. */
    private RunAttempt current(String runId, int number) {
        RunAttempt attempt = inFlight.get(runId);
        return attempt != null && attempt.number == number ? attempt : null;
    }

    private void onProgress(RunProgress progress) {
        RunAttempt attempt = current(progress.runId(), progress.attempt());
        if (attempt == null) {
            return;
        }
        if (progress.firstRow() != attempt.rows.size()) {
            attempt.rowsBroken = true;
            return;
        }
        attempt.rows.addAll(progress.rows());
        observer.rowsArrived(attempt.run.id(), progress.rows());
    }

    /** Keeps the attempt's latest checkpoint, once every row up to its update has arrived. */
    private void onCheckpoint(RunCheckpoint checkpoint) {
        RunAttempt attempt = current(checkpoint.runId(), checkpoint.attempt());
        if (attempt == null || attempt.rowsBroken || attempt.rows.size() < checkpoint.updates()
                || (attempt.latest != null && attempt.latest.updates() >= checkpoint.updates())) {
            return;
        }
        attempt.latest = checkpoint;
    }

    private void onFinished(RunFinished finished) {
        RunAttempt attempt = current(finished.runId(), finished.attempt());
        if (attempt == null) {
            return;
        }
        if (attempt.rowsBroken || attempt.rows.size() != finished.rows()) {
            say("%s (attempt %d): %d of %d progress rows arrived; training it again", finished.runId(), finished.attempt(),
                    attempt.rows.size(), finished.rows());
            takeBack(attempt, attempt.nodeId, false);
            dispatch();
            return;
        }
        inFlight.remove(finished.runId());
        NodeState node = nodes.get(attempt.nodeId);
        if (node != null) {
            node.runs.remove(finished.runId());
            tellOf(attempt.nodeId, node);
        }
        // the freed slot gets its next run before the bookkeeping below (run files, tables), so a node
        // never waits for the coordinator's writing
        dispatch();
        RunResult result = attempt.run.result(finished.summary());
        try {
            CompletedRuns.write(attempt.run, attempt.rows, finished.checkpoint(), result);
            results[attempt.index] = result;
            completed++;
            // tables only on the event loop after each run; the pictures once, at the end
            new SuiteReport(suite).write(out, Arrays.stream(results).filter(Objects::nonNull).toList(), false);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            return;
        }
        observer.runEnded(finished.runId(), false);
        say("%s on node %s", SuiteRunner.progressLine(completed, runs.size(), result), finished.nodeId());
        if (completed == runs.size()) {
            finish();
        } else {
            dispatch();
        }
    }

    private void onFailed(RunFailed failed) {
        if (current(failed.runId(), failed.attempt()) == null) {
            return;
        }
        observer.runEnded(failed.runId(), true);
        String message = "run " + failed.runId() + " failed on node " + failed.nodeId() + ": " + failed.error();
        done.completeExceptionally(failed.badInput() ? new ConfigException.Generic(message) : new IllegalStateException(message));
    }

    private void finish() {
        new SuiteReport(suite).write(out, Arrays.stream(results).filter(Objects::nonNull).toList());
        done.complete(List.of(results));
    }

    /** Tells the observer of a node that took the suite; one still being introduced is not its node yet. */
    private void tellOf(String nodeId, NodeState node) {
        if (!node.ready) {
            return;
        }
        observer.nodeChanged(new NodeStatus(nodeId, node.host, node.slots, node.busy, List.copyOf(node.runs), false));
    }

    /** The run as the observer sees it: named and grouped as in a local suite, on {@code nodeId}. */
    private static StartedRun started(PlannedRun run, String nodeId) {
        return new StartedRun(run.id(), run.id(), run.runDirectory(), run.config().getString("acktr.env.id"),
                run.variant().name(), run.seed(), run.config().getLong("acktr.total-steps"), nodeId);
    }

    private void say(String format, Object... args) {
        console.println(String.format(Locale.ROOT, format, args));
        console.flush();
    }

    private static DeliveryOptions requestOptions() {
        return new DeliveryOptions().setSendTimeout(REQUEST_TIMEOUT_MILLIS);
    }
}
