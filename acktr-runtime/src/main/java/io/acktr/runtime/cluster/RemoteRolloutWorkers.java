package io.acktr.runtime.cluster;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import io.acktr.runtime.bus.Addresses;
import io.acktr.runtime.bus.Futures;
import io.acktr.runtime.bus.ParameterSnapshot;
import io.acktr.runtime.bus.RolloutPart;
import io.acktr.runtime.learner.RolloutFailedException;
import io.acktr.runtime.learner.RolloutWorkers;
import io.acktr.runtime.lifecycle.RolloutPlacement;
import io.acktr.runtime.settings.RunSettings;
import io.acktr.runtime.settings.RuntimeSettings;
import io.acktr.runtime.worker.RolloutWorker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The rollout workers of a run hosted by the nodes of a cluster, one per node while there are
 * enough: the learner's process only updates. Worker {@code w} steps the same slice of the run's
 * environments as it would in the learner's process, so a run whose workers all stay gives the
 * progress of a local run with as many workers.
 *
 * <p>A node that stops sending heartbeats for {@code acktr.cluster.heartbeat-timeout}, or whose
 * worker cannot be reached, is lost: its workers are made again on the other nodes (the ones
 * hosting the fewest of this run's workers first) as a new generation, with fresh episodes whose
 * seeds are derived from the run's seed and the generation, and the rollout the learner waits for
 * is asked of them; training goes on and the console says so. A worker whose environment failed
 * is not retried: that failure is the run's.
 */
public final class RemoteRolloutWorkers implements RolloutWorkers {
    /** Seeds of generation {@code g}: the run's seed plus {@code g} times this, so no generation replays another's episodes. */
    static final long SEED_STRIDE = 1_000_003L;
    private static final long POLL_MILLIS = 100;
    private static final long HOSTING_TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(2);
    private static final long ROLLOUT_TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(30);

    private final Vertx vertx;
    private final ClusterSettings settings;
    private final PrintWriter console;
    private final String runId;
    private final String configuration;
    private final RuntimeSettings runtime;
    private final long seed;
    /** When each node's heartbeat last arrived ({@link System#nanoTime()}). */
    private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();
    private final MessageConsumer<Object> heartbeats;
    // the learner's thread only
    private final String[] hosts;
    private final int[] generations;

    private RemoteRolloutWorkers(Vertx vertx, ClusterSettings settings, PrintWriter console, String runId, Config config,
                                 RuntimeSettings runtime) {
        this.vertx = vertx;
        this.settings = settings;
        this.console = console;
        this.runId = runId;
        this.configuration = config.root().render(ConfigRenderOptions.concise());
        this.runtime = runtime;
        this.seed = RunSettings.from(config).seed();
        this.hosts = new String[runtime.rolloutWorkers()];
        this.generations = new int[runtime.rolloutWorkers()];
        this.heartbeats = vertx.eventBus().consumer(ClusterAddresses.HEARTBEATS, message -> {
            if (message.body() instanceof NodeHeartbeat heartbeat) {
                lastSeen.put(heartbeat.nodeId(), System.nanoTime());
            }
        });
    }

    /**
     * The placement that puts a run's {@code acktr.runtime.rollout-workers} workers on the nodes of
     * the cluster {@code vertx} belongs to, waiting up to {@code acktr.cluster.join-timeout} for
     * as many nodes as workers.
     */
    public static RolloutPlacement placement(Vertx vertx, ClusterSettings settings, PrintWriter console) {
        requireNonNull(vertx, "vertx is null");
        requireNonNull(settings, "settings is null");
        requireNonNull(console, "console is null");
        return (runId, config, runtime) -> {
            RemoteRolloutWorkers workers = new RemoteRolloutWorkers(vertx, settings, console, runId, config, runtime);
            try {
                workers.placeAll();
                return workers;
            } catch (RuntimeException e) {
                workers.close();
                throw e;
            }
        };
    }

    @Override
    public int count() {
        return hosts.length;
    }

    private void placeAll() {
        int wanted = hosts.length;
        long deadline = System.nanoTime() + settings.joinTimeout().toNanos();
        say("waiting for %d rollout node%s of the cluster %s", wanted, wanted == 1 ? "" : "s", settings.name());
        while (liveNodes().size() < wanted) {
            if (System.nanoTime() > deadline) {
                throw new RolloutFailedException("only " + liveNodes().size() + " of the " + wanted + " rollout nodes asked for"
                        + " (--rollout-nodes) sent heartbeats within acktr.cluster.join-timeout = " + settings.joinTimeout()
                        + "; start more with acktr node --join ...", null);
            }
            sleep(POLL_MILLIS);
        }
        for (int w = 0; w < wanted; w++) {
            host(w);
        }
    }

    /** Hosts worker {@code w}, generation {@code generations[w]}, on the live node with the fewest of this run's workers. */
    private void host(int w) {
        List<String> tried = new ArrayList<>();
        while (true) {
            List<String> candidates = liveNodes().stream().filter(node -> !tried.contains(node))
                    .sorted(Comparator.comparingLong(this::workersOn).thenComparing(node -> node)).toList();
            if (candidates.isEmpty()) {
                throw new RolloutFailedException("no node of the cluster can host rollout worker " + w + " of run " + runId
                        + (tried.isEmpty() ? " (none is left)" : " (tried " + tried + ")"), null);
            }
            String node = candidates.get(0);
            tried.add(node);
            long workerSeed = seed + SEED_STRIDE * generations[w];
            RolloutHosting hosting = new RolloutHosting(runId, w, generations[w], runtime.firstEnvironment(w),
                    runtime.environments(w), workerSeed, configuration);
            Object reply;
            try {
                reply = Futures.await(vertx.eventBus().request(ClusterAddresses.node(node), hosting,
                        new DeliveryOptions().setSendTimeout(HOSTING_TIMEOUT_MILLIS)), HOSTING_TIMEOUT_MILLIS + 1000,
                        "hosting rollout worker " + w + " on node " + node).body();
            } catch (RuntimeException e) {
                reply = Reply.refused(e.getMessage());
            }
            if (reply instanceof Reply r && r.accepted()) {
                hosts[w] = node;
                say("rollout worker %d (environments %d..%d, reset with seeds %d..) on node %s", w, runtime.firstEnvironment(w),
                        runtime.firstEnvironment(w) + runtime.environments(w) - 1, workerSeed + runtime.firstEnvironment(w), node);
                return;
            }
            say("node %s did not host rollout worker %d: %s", node, w, reply instanceof Reply r ? r.reason() : reply);
        }
    }

    @Override
    public List<RolloutPart> collect(ParameterSnapshot snapshot) {
        List<Future<Message<RolloutPart>>> replies = new ArrayList<>(hosts.length);
        for (int w = 0; w < hosts.length; w++) {
            replies.add(request(w, snapshot));
        }
        RolloutPart[] parts = new RolloutPart[hosts.length];
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ROLLOUT_TIMEOUT_MILLIS);
        int missing = hosts.length;
        while (missing > 0) {
            for (int w = 0; w < hosts.length; w++) {
                if (parts[w] != null) {
                    continue;
                }
                Future<Message<RolloutPart>> reply = replies.get(w);
                if (reply.succeeded()) {
                    parts[w] = reply.result().body();
                    missing--;
                } else if (reply.failed() && !lost(reply.cause())) {
                    throw new RolloutFailedException(reply.cause().getMessage() + " (on node " + hosts[w] + ")", reply.cause());
                } else if (reply.failed() || !alive(hosts[w])) {
                    replace(w, snapshot.version(), reply.failed() ? "its worker cannot be reached: " + reply.cause().getMessage()
                            : "no heartbeat for " + settings.heartbeatTimeout().toSeconds() + " s");
                    replies.set(w, request(w, snapshot));
                }
            }
            if (missing > 0) {
                if (System.nanoTime() > deadline) {
                    throw new RolloutFailedException("the rollout of update " + snapshot.version() + " did not finish within "
                            + ROLLOUT_TIMEOUT_MILLIS / 60_000 + " min", null);
                }
                awaitAny(replies, parts);
            }
        }
        return List.of(parts);
    }

    /** Waits until a missing part's reply ends, or for the polling interval, whichever comes first. */
    private static void awaitAny(List<Future<Message<RolloutPart>>> replies, RolloutPart[] parts) {
        List<CompletableFuture<Message<RolloutPart>>> pending = new ArrayList<>();
        for (int w = 0; w < parts.length; w++) {
            if (parts[w] == null) {
                pending.add(replies.get(w).toCompletionStage().toCompletableFuture());
            }
        }
        try {
            CompletableFuture.anyOf(pending.toArray(CompletableFuture[]::new)).get(POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RolloutFailedException("interrupted while waiting for the rollout", e);
        } catch (ExecutionException | TimeoutException e) {
            // a failure is read from its future; a timeout only means: look at the nodes' heartbeats
        }
    }

    private Future<Message<RolloutPart>> request(int w, ParameterSnapshot snapshot) {
        return vertx.eventBus().request(Addresses.rolloutWorker(runId, w, generations[w]), snapshot,
                new DeliveryOptions().setSendTimeout(ROLLOUT_TIMEOUT_MILLIS));
    }

    /** Worker {@code w}'s node is gone: the worker is made again on another, as its next generation. */
    private void replace(int w, long update, String why) {
        String gone = hosts[w];
        lastSeen.remove(gone);
        say("node %s lost during the rollout of update %d (%s): re-creating rollout worker %d on another node with fresh"
                + " episodes", gone, update + 1, why, w);
        generations[w]++;
        hosts[w] = null;
        host(w);
    }

    /** A failure of the transport (no handler, no answer), not of the worker's rollout. */
    private static boolean lost(Throwable failure) {
        return !(failure instanceof ReplyException reply) || reply.failureType() != ReplyFailure.RECIPIENT_FAILURE
                || reply.failureCode() != RolloutWorker.ROLLOUT_FAILED;
    }

    private boolean alive(String node) {
        Long seen = lastSeen.get(node);
        return seen != null && System.nanoTime() - seen <= settings.heartbeatTimeout().toNanos();
    }

    private List<String> liveNodes() {
        return lastSeen.keySet().stream().filter(this::alive).sorted().toList();
    }

    private long workersOn(String node) {
        long count = 0;
        for (String host : hosts) {
            if (node.equals(host)) {
                count++;
            }
        }
        return count;
    }

    /** Lets the nodes go of this run's workers and stops listening to heartbeats. */
    @Override
    public void close() {
        heartbeats.unregister();
        for (String node : Arrays.stream(hosts).filter(Objects::nonNull).distinct().toList()) {
            vertx.eventBus().request(ClusterAddresses.node(node), new RolloutRelease(runId),
                    new DeliveryOptions().setSendTimeout(5_000));
        }
    }

    private void say(String format, Object... args) {
        console.println(String.format(Locale.ROOT, format, args));
        console.flush();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RolloutFailedException("interrupted while waiting for the rollout nodes", e);
        }
    }
}
