package io.acktr.runtime.cluster;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import io.acktr.api.training.TrainingListener;
import io.acktr.api.training.UpdateMetrics;
import io.acktr.runtime.bus.Addresses;
import io.acktr.runtime.learner.TrainingSummary;
import io.acktr.runtime.lifecycle.CheckpointStore;
import io.acktr.runtime.lifecycle.RolloutWorkerFactory;
import io.acktr.runtime.settings.CheckpointSettings;
import io.acktr.runtime.settings.ConfigLoader;
import io.acktr.runtime.lifecycle.TrainingSession;
import io.acktr.runtime.plugins.PluginLookup;
import io.acktr.runtime.worker.RolloutWorker;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker of the cluster: offers K run slots, trains the runs coordinators assign to it, each on
 * a slot thread of its own (never on the event loop), and reports their progress rows and their
 * end over the bus. It publishes a {@link NodeHeartbeat} every heartbeat interval. It refuses, and
 * logs, messages of an unknown protocol version and runs of suites it was not introduced to.
 *
 * <p>It also hosts rollout workers for learners on other machines ({@link RolloutHosting}): each a
 * worker verticle of this node's Vert.x with its slice of the learner's environments, listening
 * for the learner's parameters on the bus. They do not take run slots (a learner waits for them
 * in turn, one rollout at a time); they end when the learner lets them go ({@link RolloutRelease})
 * or has sent them nothing for {@code acktr.cluster.rollout-idle-timeout}.
 */
public final class ClusterNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);
    private static final long REPORT_TIMEOUT_MILLIS = 30_000;
    private static final int REPORT_ATTEMPTS = 3;

    private final Vertx vertx;
    private final ClusterSettings settings;
    private final ClassLoader classLoader;
    private final PluginLookup pluginLookup;
    private final PrintWriter console;
    private final String nodeId;
    private final int slots;
    private final AtomicInteger busy = new AtomicInteger();
    private final Map<String, SuiteAnnouncement> suites = new ConcurrentHashMap<>();
    /** The attempts training here ({@code <suite id>/<run id>#<attempt>}) and their runs' ids. */
    private final Map<String, String> running = new ConcurrentHashMap<>();
    private final ExecutorService slotThreads;
    /** Rollout workers hosted for learners elsewhere, by run id. */
    private final Map<String, List<HostedWorker>> hosted = new ConcurrentHashMap<>();
    private MessageConsumer<Object> consumer;
    private MessageConsumer<Object> rollCalls;
    private long heartbeatTimer = -1;

    public ClusterNode(Vertx vertx, ClusterSettings settings, ClassLoader classLoader, PluginLookup pluginLookup,
                       PrintWriter console) {
        this.vertx = requireNonNull(vertx, "vertx is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.classLoader = requireNonNull(classLoader, "classLoader is null");
        this.pluginLookup = requireNonNull(pluginLookup, "pluginLookup is null");
        this.console = requireNonNull(console, "console is null");
        this.slots = settings.effectiveSlots();
        this.nodeId = String.format(Locale.ROOT, "%s-%d-%04x", settings.host(), ProcessHandle.current().pid(),
                ThreadLocalRandom.current().nextInt(0x10000));
        AtomicInteger threads = new AtomicInteger();
        // not a fixed pool of one thread per slot: a run's thread still reports its end (and may retry
        // for a while) after its slot is free again, and the next run must not wait for it
        this.slotThreads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "acktr-node-slot-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public String nodeId() {
        return nodeId;
    }

    public int slots() {
        return slots;
    }

    /** Listens on the node's address and to roll calls, and starts the heartbeats. */
    public void start() {
        consumer = vertx.eventBus().consumer(ClusterAddresses.node(nodeId), this::onRequest);
        // a coordinator that has just joined gets this node's heartbeat now, not up to an interval later
        rollCalls = vertx.eventBus().consumer(ClusterAddresses.ROLL_CALL, message -> onRollCall(message.body()));
        heartbeatTimer = vertx.setPeriodic(0, settings.heartbeatInterval().toMillis(), id -> {
            beat();
            releaseIdleWorkers();
        });
    }

    /** Answers a roll call with a heartbeat; one of another protocol version is logged and ignored. */
    void onRollCall(Object body) {
        if (body instanceof RollCall) {
            beat();
        } else if (body instanceof UnknownProtocolMessage unknown) {
            LOG.warn("ignored a {} of protocol version {}; this node speaks {}", unknown.kind(), unknown.protocol(),
                    ClusterProtocol.VERSION);
        }
    }

    private void beat() {
        vertx.eventBus().publish(ClusterAddresses.HEARTBEATS, new NodeHeartbeat(nodeId, settings.host(), slots, busy.get(),
                running.values().stream().sorted().toList()));
    }

    private record HostedWorker(RolloutHosting hosting, RolloutWorker worker, String deploymentId) {
    }

    private void onRequest(Message<Object> message) {
        if (message.body() instanceof RolloutHosting hosting) {
            host(hosting).onComplete(reply -> message.reply(reply.succeeded() ? reply.result()
                    : refuse("cannot host rollout worker " + hosting.worker() + " of run " + hosting.runId() + ": "
                            + describe(reply.cause()))));
            return;
        }
        message.reply(handle(message.body()));
    }

    /** Makes the worker's environments and policy off the event loop, deploys it, and answers once it listens. */
    private Future<Reply> host(RolloutHosting hosting) {
        return vertx.<RolloutWorker>executeBlocking(() -> {
            Config config = ConfigFactory.parseString(hosting.configuration())
                    .withFallback(ConfigFactory.defaultReference(classLoader)).resolve();
            return RolloutWorkerFactory.forRun(config, classLoader, pluginLookup).create(
                    Addresses.rolloutWorker(hosting.runId(), hosting.worker(), hosting.generation()), hosting.worker(),
                    hosting.firstEnvironment(), hosting.environments(), hosting.seed());
        }, false).compose(worker -> vertx.deployVerticle(worker, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER))
                .map(id -> {
                    hosted.computeIfAbsent(hosting.runId(), run -> new CopyOnWriteArrayList<>())
                            .add(new HostedWorker(hosting, worker, id));
                    console.printf(Locale.ROOT, "hosting rollout worker %d (generation %d, environments %d..%d) of run %s%n",
                            hosting.worker(), hosting.generation(), hosting.firstEnvironment(),
                            hosting.firstEnvironment() + hosting.environments() - 1, hosting.runId());
                    console.flush();
                    return Reply.ACCEPTED;
                }));
    }

    /** Undeploys the rollout workers of {@code runId}; {@code why} is logged. */
    private void release(String runId, String why) {
        List<HostedWorker> workers = hosted.remove(runId);
        if (workers == null) {
            return;
        }
        for (HostedWorker w : workers) {
            vertx.undeploy(w.deploymentId());
        }
        console.printf(Locale.ROOT, "released %d rollout worker%s of run %s: %s%n", workers.size(),
                workers.size() == 1 ? "" : "s", runId, why);
        console.flush();
    }

    /** Lets go of the hosted workers of every run whose learner has been silent for the idle timeout. */
    private void releaseIdleWorkers() {
        long now = System.nanoTime();
        long idle = settings.rolloutIdleTimeout().toNanos();
        for (Map.Entry<String, List<HostedWorker>> run : hosted.entrySet()) {
            if (run.getValue().stream().allMatch(w -> now - w.worker().lastActiveNanos() > idle)) {
                release(run.getKey(), "no request for " + settings.rolloutIdleTimeout().toSeconds() + " s");
            }
        }
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }

    /** The answer to one request of a coordinator; a refusal is logged. */
    Reply handle(Object body) {
        if (body instanceof UnknownProtocolMessage unknown) {
            return refuse("refused a " + unknown.kind() + " of protocol version " + unknown.protocol() + "; this node speaks "
                    + ClusterProtocol.VERSION);
        }
        if (body instanceof SuiteAnnouncement announcement) {
            if (suites.putIfAbsent(announcement.suiteId(), announcement) == null) {
                LOG.info("suite {} ({}) of the coordinator on {}", announcement.suiteId(), announcement.suiteName(),
                        announcement.coordinatorHost());
            }
            return Reply.ACCEPTED;
        }
        if (body instanceof RunAssignment assignment) {
            return assign(assignment);
        }
        if (body instanceof RolloutRelease release) {
            release(release.runId(), "its learner is done");
            return Reply.ACCEPTED;
        }
        return refuse("refused a message it does not know: " + (body == null ? "null" : body.getClass().getName()));
    }

    private Reply assign(RunAssignment assignment) {
        if (!suites.containsKey(assignment.suiteId())) {
            return refuse("refused run " + assignment.runId() + " of suite " + assignment.suiteId()
                    + ", which no coordinator introduced to this node");
        }
        String key = assignment.suiteId() + "/" + assignment.runId() + "#" + assignment.attempt();
        if (running.putIfAbsent(key, assignment.runId()) != null) {
            return Reply.ACCEPTED; // the same attempt again: it is training already
        }
        if (busy.incrementAndGet() > slots) {
            busy.decrementAndGet();
            running.remove(key);
            return Reply.refused("no free slot (" + slots + " busy)");
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable releaseSlot = () -> {
            if (released.compareAndSet(false, true)) {
                busy.decrementAndGet();
                running.remove(key);
            }
        };
        slotThreads.execute(() -> {
            try {
                train(assignment, releaseSlot);
            } finally {
                releaseSlot.run();
            }
        });
        return Reply.ACCEPTED;
    }

    private Reply refuse(String reason) {
        LOG.warn("{}", reason);
        return Reply.refused(reason);
    }

    /**
     * Trains the assigned run; {@code releaseSlot} frees its slot once training has ended, before the
     * coordinator hears of the end, so the next run the coordinator sends at once finds the slot free.
     */
    private void train(RunAssignment assignment, Runnable releaseSlot) {
        String suiteAddress = ClusterAddresses.suite(assignment.suiteId());
        Path directory = settings.workDirectory().resolve(assignment.suiteId())
                .resolve(assignment.runId() + ".attempt-" + assignment.attempt());
        console.printf(Locale.ROOT, "training %s (attempt %d) of suite %s%n", assignment.runId(), assignment.attempt(),
                suites.get(assignment.suiteId()).suiteName());
        console.flush();
        try {
            Config config = ConfigFactory.parseString(assignment.configuration())
                    .withFallback(ConfigFactory.defaultReference(classLoader)).resolve()
                    .withValue("acktr.run-dir", ConfigValueFactory.fromAnyRef(directory.toString()));
            ProgressForwarder forwarder = new ProgressForwarder(assignment, directory,
                    CheckpointSettings.from(config).interval());
            TrainingSummary summary;
            if (assignment.resumes()) {
                CompletedRuns.writeRunFolder(directory, config, assignment.rows(), assignment.checkpoint());
                console.printf(Locale.ROOT, "resuming %s at update %d from the checkpoint of an earlier attempt%n",
                        assignment.runId(), assignment.rows().size());
                console.flush();
                // the forwarder sends each checkpoint's files when it hears of the next update
                summary = new TrainingSession(ConfigLoader.forResume(classLoader, directory, List.of()), classLoader,
                        pluginLookup).withCheckpointFilesWrittenBeforeTheNextUpdate()
                        .resume(directory, null, OptionalDouble.of(assignment.threshold()), List.of(forwarder));
            } else {
                summary = new TrainingSession(config, classLoader, pluginLookup).withCheckpointFilesWrittenBeforeTheNextUpdate()
                        .train(null, OptionalDouble.of(assignment.threshold()), List.of(forwarder));
            }
            forwarder.flush();
            RunFinished finished = new RunFinished(assignment.suiteId(), assignment.runId(), assignment.attempt(), nodeId,
                    summary, forwarder.sent, checkpointFiles(directory));
            releaseSlot.run();
            if (report(suiteAddress, finished)) {
                deleteRecursively(directory);
            }
            console.printf(Locale.ROOT, "finished %s (attempt %d) in %.0f s%n", assignment.runId(), assignment.attempt(),
                    summary.wallSeconds());
            console.flush();
        } catch (IOException e) {
            releaseSlot.run();
            fail(assignment, new UncheckedIOException("cannot prepare the run directory " + directory + " to resume", e));
        } catch (RuntimeException | Error e) { // an Error too: the coordinator must hear of every end
            releaseSlot.run();
            fail(assignment, e);
        }
    }

    /** Tells the coordinator that the run failed, and whether for bad input. */
    private void fail(RunAssignment assignment, Throwable e) {
        LOG.warn("run {} (attempt {}) failed", assignment.runId(), assignment.attempt(), e);
        boolean badInput = e instanceof ConfigException || e instanceof IllegalArgumentException;
        vertx.eventBus().send(ClusterAddresses.suite(assignment.suiteId()), new RunFailed(assignment.suiteId(),
                assignment.runId(), assignment.attempt(), nodeId, e.getClass().getSimpleName() + ": " + e.getMessage(), badInput));
    }

    /** Sends the end of a run until the coordinator confirms it; false when it never did. */
    private boolean report(String address, RunFinished finished) {
        DeliveryOptions options = new DeliveryOptions().setSendTimeout(REPORT_TIMEOUT_MILLIS);
        for (int attempt = 1; attempt <= REPORT_ATTEMPTS; attempt++) {
            try {
                vertx.eventBus().request(address, finished, options).toCompletionStage().toCompletableFuture()
                        .get(REPORT_TIMEOUT_MILLIS + 1000, TimeUnit.MILLISECONDS);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                LOG.warn("the coordinator of suite {} did not confirm the end of {} ({}); try {} of {}", finished.suiteId(),
                        finished.runId(), e.getMessage(), attempt, REPORT_ATTEMPTS);
            }
        }
        return false;
    }

    /** The files of the run's final checkpoint, by their path under {@code checkpoint/}. */
    private static Map<String, byte[]> checkpointFiles(Path runDirectory) {
        Path checkpoint = runDirectory.resolve(CheckpointStore.DIRECTORY);
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (!Files.isDirectory(checkpoint)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(checkpoint)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(checkpoint.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint in " + checkpoint, e);
        }
        return files;
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", directory, e.getMessage());
        }
    }

    /**
     * Sends the run's progress rows in batches of {@code acktr.cluster.progress-batch}, in order,
     * and each checkpoint the run writes, after the rows up to its update.
     */
    private final class ProgressForwarder implements TrainingListener {
        private final RunAssignment assignment;
        private final Path runDirectory;
        private final int checkpointInterval;
        private final List<UpdateMetrics> pending = new ArrayList<>();
        private long sent;

        ProgressForwarder(RunAssignment assignment, Path runDirectory, int checkpointInterval) {
            this.assignment = assignment;
            this.runDirectory = runDirectory;
            this.checkpointInterval = checkpointInterval;
            this.sent = assignment.rows().size(); // a resumed run continues after the rows it was given
        }

        @Override
        public void onUpdate(UpdateMetrics metrics) {
            pending.add(metrics);
            // the run's checkpoint writer, the last of its listeners, wrote the checkpoint of the
            // previous update if that update was on the interval; this listener runs before it
            long previous = metrics.updates() - 1;
            boolean checkpointWritten = checkpointInterval > 0 && previous > 0 && previous % checkpointInterval == 0
                    && previous > assignment.rows().size();
            if (pending.size() >= settings.progressBatch() || checkpointWritten) {
                flush();
            }
            if (checkpointWritten) {
                vertx.eventBus().send(ClusterAddresses.suite(assignment.suiteId()), new RunCheckpoint(assignment.suiteId(),
                        assignment.runId(), assignment.attempt(), nodeId, previous, checkpointFiles(runDirectory)));
            }
        }

        @Override
        public void onEnd() {
            flush();
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            vertx.eventBus().send(ClusterAddresses.suite(assignment.suiteId()), new RunProgress(assignment.suiteId(),
                    assignment.runId(), assignment.attempt(), nodeId, sent, pending));
            sent += pending.size();
            pending.clear();
        }
    }

    /** Stops the heartbeats and the consumer, and abandons the runs still training. */
    @Override
    public void close() {
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
        }
        if (consumer != null) {
            consumer.unregister();
        }
        if (rollCalls != null) {
            rollCalls.unregister();
        }
        slotThreads.shutdownNow();
    }
}
