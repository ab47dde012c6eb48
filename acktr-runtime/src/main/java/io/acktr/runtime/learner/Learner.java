package io.acktr.runtime.learner;

import static java.util.Objects.requireNonNull;

import io.acktr.api.training.UpdateMetrics;
import io.acktr.envs.wrappers.RunningStatistics;
import io.acktr.envs.wrappers.WrapperChain;
import io.acktr.runtime.algorithm.AcktrUpdate;
import io.acktr.runtime.algorithm.Batch;
import io.acktr.runtime.algorithm.UpdateResult;
import io.acktr.runtime.bus.Addresses;
import io.acktr.runtime.bus.EpisodeEnded;
import io.acktr.runtime.bus.Futures;
import io.acktr.runtime.bus.ListenersDone;
import io.acktr.runtime.bus.ParameterSnapshot;
import io.acktr.runtime.bus.RolloutPart;
import io.acktr.runtime.bus.RunEnded;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import io.acktr.runtime.settings.DivergenceSettings;
import io.acktr.api.state.SavedState;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bytedeco.javacpp.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training loop, on the thread that calls {@link #run()}: per update, send the parameters
 * (with the wrappers' frozen statistics) to every rollout worker, wait for their parts, assemble
 * the batch in worker order, add the normalisation samples in environment order, update, and
 * publish the episodes and the metrics on {@link Addresses#metrics}; until the step budget is
 * spent. Synchronous: every transition comes from the current parameters. The run's own listeners
 * handle an update before the next one changes the parameters or the statistics they save: while
 * the next rollout is collected, or before it when they save the training state after that update
 * ({@link #listenersSaveStateAfter}). A listener's failure is so noticed after that rollout, and the
 * final checkpoint of a run that ends so holds the environments as that rollout left them.
 *
 * <p>A SIGTERM or SIGINT (any JVM exit) while the loop runs stops it after the current update: the
 * run then ends as at the end of its budget (progress.csv closed, the final checkpoint written)
 * before the JVM exits, with the signal's status (143 or 130), and one line on standard error says
 * where the run stopped. The hook that does this belongs to the run and is removed when it ends.
 */
public final class Learner {
    private static final Logger LOG = LoggerFactory.getLogger(Learner.class);
    /** Consecutive skipped updates after which the run stops: the parameters or data are broken. */
    static final int MAX_CONSECUTIVE_SKIPS = 20;
    /** How long a rollout, or the listeners' handling of an update, may take before the run fails. */
    static final long TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(30);
    /** How long an exiting JVM waits for the current update and the final checkpoint. */
    static final long STOP_WAIT_SECONDS = 300;

    private final EventBus bus;
    private final String runId;
    private final RolloutWorkers workers;
    private final AcktrUpdate update;
    private final WrapperChain wrappers;
    private final long totalSteps;
    private final OptionalDouble watchThreshold;
    /** Set when the JVM is exiting: the loop stops after the current update. */
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    /** Counted down once the run has ended (its listeners done), normally or not. */
    private final CountDownLatch ended = new CountDownLatch(1);
    /** What the exit hook prints once the run has ended after a stop. */
    private volatile String stoppedLine = "";
    /** The loop's counters and episode window: fields, so that a checkpoint can save them between two updates. */
    private final EpisodeWindow window = new EpisodeWindow(100);
    private long envSteps;
    private long updates;
    private long skipped;
    private int consecutiveSkips;
    /** When the mean return first reached the watched threshold; kept across a resume. */
    private OptionalLong reached = OptionalLong.empty();

    /** The updates after which the listeners save the training state, so the next rollout waits for them. */
    private LongPredicate pausesAt = updates -> true;

    private volatile String resumeHint = "";
    private DivergenceGuard divergence;
    private Supplier<Optional<String>> rollback = Optional::empty;
    private Supplier<Optional<String>> rollbackToBest = Optional::empty;

    /**
     * @param workers the run's rollout workers, which the caller owns and closes
     * @param wrappers the run's wrapper chain, whose statistics the workers' wrappers use and which
     *     the learner alone updates
     */
    public Learner(EventBus bus, String runId, RolloutWorkers workers, AcktrUpdate update, WrapperChain wrappers, long totalSteps,
                   OptionalDouble watchThreshold) {
        this.bus = requireNonNull(bus, "bus is null");
        this.runId = requireNonNull(runId, "runId is null");
        this.workers = requireNonNull(workers, "workers is null");
        this.update = requireNonNull(update, "update is null");
        this.wrappers = requireNonNull(wrappers, "wrappers is null");
        this.totalSteps = totalSteps;
        this.watchThreshold = requireNonNull(watchThreshold, "watchThreshold is null");
    }

    public TrainingSummary run() {
        loopThread = Thread.currentThread();
        Thread stopOnExit = new Thread(this::stopAndWait, "acktr-stop-" + runId);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            return loop();
        } finally {
            ended.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException exiting) {
                // the hook is running: it prints the stop line once it sees the run ended
            }
        }
    }

    /** The JVM is exiting (a signal, or System.exit elsewhere): stop after this update and wait for the run's end. */
    private void stopAndWait() {
        stopRequested.set(true);
        try {
            if (ended.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                if (!stoppedLine.isEmpty()) {
                    System.err.println(stoppedLine);
                }
            } else {
                System.err.println("acktr: run " + runId + " did not end within " + STOP_WAIT_SECONDS
                        + " s of the exit; progress.csv holds every update reported so far");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private TrainingSummary loop() {
        MessageConsumer<ListenersDone> doneConsumer = bus.consumer(Addresses.listenersDone(runId),
                message -> inbox.add(message.body()));
        Promise<Void> registered = Promise.promise();
        doneConsumer.completionHandler(registered);
        Futures.await(registered.future(), TIMEOUT_MILLIS, "registering on " + Addresses.listenersDone(runId));
        long start = System.nanoTime();
        long stepsBefore = envSteps; // a resumed run's speed counts its own steps
        long updateNanos = 0;
        boolean failed = true;
        boolean listenersBehind = false; // the listeners have not yet answered for the last update published
        try {
            while (envSteps < totalSteps && !stopRequested.get()) {
                if (listenersBehind && pausesAt.test(updates)) {
                    awaitListeners(updates); // they save the state this rollout would move on
                    listenersBehind = false;
                }
                List<RolloutPart> parts = workers.collect(ParameterSnapshot.capture(updates, update.policy(), wrappers.statistics()));
                if (listenersBehind) {
                    awaitListeners(updates); // before anything they may read changes
                    listenersBehind = false;
                }
                Batch batch = RolloutAssembly.batch(parts);
                addNormalizerSamples(parts);
                double progress = (double) envSteps / totalSteps;
                envSteps += batch.size();
                for (RolloutAssembly.Episode episode : RolloutAssembly.episodes(parts)) {
                    window.add(episode.episodeReturn());
                    bus.publish(Addresses.metrics(runId), new EpisodeEnded(episode.episodeReturn(), episode.length()));
                }
                long updateStart = System.nanoTime();
                UpdateResult result = update.update(batch, progress);
                updateNanos += System.nanoTime() - updateStart;
                updates++;
                result = guardAgainstDivergence(result, envSteps);
                if (result.applied()) {
                    consecutiveSkips = 0;
                } else {
                    skipped++;
                    consecutiveSkips++;
                    if (skipped == 1) {
                        LOG.warn("update {} skipped: {}; the parameters were left unchanged (further skips are "
                                + "counted in progress.csv, column skipped_updates)", updates, result.skipReason());
                    }
                    if (consecutiveSkips >= MAX_CONSECUTIVE_SKIPS) {
                        throw new TrainingDivergedException("training diverged: " + consecutiveSkips
                                + " consecutive updates were skipped, the last because " + result.skipReason()
                                + " (update " + updates
                                + ", env step " + envSteps + "); progress so far is kept in progress.csv");
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                UpdateMetrics metrics = new UpdateMetrics(envSteps, updates, window.count(), window.mean(), result.entropy(),
                        result.valueLoss(), result.policyLoss(), result.kl(), result.predictedKl(), result.stepSize(),
                        (envSteps - stepsBefore) / Math.max(seconds, 1e-9), skipped, Pointer.physicalBytes(),
                        result.directionCosine(), result.directionCosinePerGroup());
                bus.publish(Addresses.metrics(runId), metrics);
                listenersBehind = true;
                if (reached.isEmpty() && watchThreshold.isPresent() && window.count() >= 100
                        && window.mean() >= watchThreshold.getAsDouble()) {
                    reached = OptionalLong.of(envSteps);
                }
            }
            if (listenersBehind) {
                awaitListeners(updates);
                listenersBehind = false;
            }
            if (updates > 0 && skipped == updates) {
                throw new TrainingDivergedException("training diverged: every one of the run's " + updates
                        + " updates was skipped (non-finite numbers); the parameters are the initial ones");
            }
            failed = false;
            if (stopRequested.get()) {
                stoppedLine = "acktr: stopped by the exit after update " + updates + " (env step " + envSteps + ") of run "
                        + runId + ": progress.csv is complete and the final checkpoint written" + resumeHint;
            }
        } finally {
            endRun(updates, failed);
            doneConsumer.unregister();
        }
        return new TrainingSummary(envSteps, updates, window.count(), window.mean(), skipped, reached,
                updateNanos / 1e9, (System.nanoTime() - start) / 1e9);
    }

    /**
     * What the learner thread waits for while the listeners handle an update: their answers, and
     * requests for the training state ({@link #trainingState()}), which the learner thread serves
     * (the bus requests to the workers must come from a thread outside Vert.x, as the rollouts' do).
     */
    private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private volatile Thread loopThread;

    /** The listeners' next answer, serving the state requests met on the way; null after {@code TIMEOUT_MILLIS}. */
    private ListenersDone nextAnswer() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
        while (true) {
            Object next = inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null || next instanceof ListenersDone) {
                return (ListenersDone) next;
            }
            @SuppressWarnings("unchecked")
            CompletableFuture<Map<String, SavedState>> request = (CompletableFuture<Map<String, SavedState>>) next;
            try {
                request.complete(collectTrainingState());
            } catch (RuntimeException e) {
                request.completeExceptionally(e);
            }
        }
    }

    /** The component of the training state that holds the learner's counters and episode window. */
    public static final String LEARNER = "learner";
    /** The component of the training state that holds every environment's state, by index in the run. */
    public static final String ENVIRONMENTS = "environments";

    /**
     * Watches every update for a finite blow-up and, when the settings ask for it, the mean return
     * for a late collapse ({@link DivergenceGuard}); on either, the run stops ({@code action = stop})
     * or {@code rollback} puts the last good checkpoint's parameters and update state back after a
     * blow-up, {@code rollbackToBest} the best checkpoint's after a collapse (each tells what it
     * restored, or nothing when there is no such checkpoint yet).
     */
    public void guardAgainstDivergence(DivergenceSettings settings, Supplier<Optional<String>> rollback,
                                       Supplier<Optional<String>> rollbackToBest) {
        this.divergence = new DivergenceGuard(requireNonNull(settings, "settings is null"));
        this.rollback = requireNonNull(rollback, "rollback is null");
        this.rollbackToBest = requireNonNull(rollbackToBest, "rollbackToBest is null");
    }

    private UpdateResult guardAgainstDivergence(UpdateResult result, long envSteps) {
        if (divergence == null) {
            return result;
        }
        Optional<String> diverged = divergence.check(result, update.policy());
        boolean collapsed = false;
        if (diverged.isEmpty()) {
            diverged = divergence.checkReturn(window.count(), window.capacity(), window.mean());
            collapsed = diverged.isPresent();
        }
        if (diverged.isEmpty()) {
            return result;
        }
        String where = "update " + updates + " (env step " + envSteps + ")";
        if (divergence.settings().rollsBack()) {
            Optional<String> restored = collapsed ? rollbackToBest.get() : rollback.get();
            if (collapsed && restored.isPresent()) {
                divergence.rearmReturn(window.mean());
            }
            if (restored.isPresent()) {
                LOG.warn("training diverged at {}: {}; rolled back to {} and training on (acktr.divergence.action = rollback)",
                        where, diverged.get(), restored.get());
                return new UpdateResult(false, result.policyLoss(), result.valueLoss(), result.entropy(), result.kl(),
                        result.predictedKl(), result.stepSize(), "diverged (" + diverged.get() + "), rolled back to "
                        + restored.get(), result.directionCosine(), result.directionCosinePerGroup());
            }
            throw new TrainingDivergedException("training diverged at " + where + ": " + diverged.get()
                    + "; there is no checkpoint to roll back to yet, so the run stops; best/ is untouched");
        }
        throw new TrainingDivergedException("training diverged at " + where + ": " + diverged.get()
                + "; the run stops (acktr.divergence.action = stop) without checkpointing these parameters: "
                + (collapsed ? "best/ holds those of the highest mean return" : "checkpoint/ and best/ hold the last good ones"));
    }

    /**
     * The updates after which a listener saves the training state ({@link #trainingState()}): after
     * those the next rollout waits for the listeners, since it moves the environments on. After any
     * other update the listeners handle it while the next rollout is collected (the parameters and
     * statistics do not change meanwhile), and the learner waits for them before it touches either.
     * Every update, unless told otherwise.
     */
    public void listenersSaveStateAfter(LongPredicate updates) {
        this.pausesAt = requireNonNull(updates, "updates is null");
    }

    /** What the stop line adds, e.g. how to resume. */
    public void setResumeHint(String hint) {
        this.resumeHint = requireNonNull(hint, "hint is null");
    }

    /**
     * The run's training state between two updates: the learner's counters and episode window, the
     * update's ({@link AcktrUpdate#saveState()}) and every rollout worker's slice, asked for on the
     * bus and merged by environment index. Called by a training listener while it handles an update
     * (the workers wait for the next rollout): the learner thread, which waits for the listeners,
     * collects it, since the requests to the workers cannot be awaited on a Vert.x thread.
     */
    public Map<String, SavedState> trainingState() {
        if (Thread.currentThread() == loopThread) {
            return collectTrainingState();
        }
        CompletableFuture<Map<String, SavedState>> request = new CompletableFuture<>();
        inbox.add(request);
        try {
            return request.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the learner saved the training state", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause
                    : new IllegalStateException("saving the training state failed: " + e.getCause(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the learner did not save the training state within " + TIMEOUT_MILLIS / 1000
                    + " s", e);
        }
    }

    private Map<String, SavedState> collectTrainingState() {
        Map<String, SavedState> state = new LinkedHashMap<>();
        SavedState own = SavedState.empty().with("env-steps", envSteps).with("updates", updates).with("skipped", skipped)
                .with("consecutive-skips", consecutiveSkips).with("window/", window.save())
                .with("reached-at", reached.orElse(-1));
        state.put(LEARNER, divergence == null ? own : own.with("divergence/", divergence.save()));
        state.putAll(update.saveState());
        SavedState environments = workers.state();
        state.put(ENVIRONMENTS, environments);
        return state;
    }

    /**
     * Continues from a saved training state, before {@link #run()}: the learner's counters and
     * episode window and the update's state (the workers take theirs when they start).
     *
     * @throws IllegalArgumentException naming what does not fit
     */
    public void restoreState(Map<String, SavedState> state) {
        SavedState own = state.get(LEARNER);
        if (own == null) {
            throw new IllegalArgumentException("the training state lacks its \"" + LEARNER + "\" part; it has " + state.keySet());
        }
        update.restoreState(state);
        window.restore(own.part("window/"));
        if (divergence != null && own.hasScalar("divergence/seen")) {
            divergence.restore(own.part("divergence/"));
        }
        envSteps = own.whole("env-steps");
        updates = own.whole("updates");
        skipped = own.whole("skipped");
        consecutiveSkips = Math.toIntExact(own.whole("consecutive-skips"));
        if (own.hasScalar("reached-at")) { // checkpoints before it was saved: not reached
            long at = own.whole("reached-at");
            reached = at < 0 ? OptionalLong.empty() : OptionalLong.of(at);
        }
    }

    private void addNormalizerSamples(List<RolloutPart> parts) {
        List<RunningStatistics> statistics = wrappers.statistics();
        if (statistics.isEmpty()) {
            return;
        }
        int[] sizes = statistics.stream().mapToInt(RunningStatistics::size).toArray();
        for (List<List<double[]>> environment : RolloutAssembly.normalizerSamples(parts, sizes)) {
            wrappers.addSamples(environment);
        }
    }

    private void awaitListeners(long updates) {
        ListenersDone answer;
        try {
            answer = nextAnswer();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the listeners handled update " + updates, e);
        }
        if (answer == null) {
            throw new IllegalStateException("the training listeners did not handle update " + updates + " within "
                    + TIMEOUT_MILLIS / 1000 + " s");
        }
        if (answer.updates() != updates) {
            throw new IllegalStateException("the training listeners handled update " + answer.updates() + ", expected " + updates);
        }
        answer.failure().ifPresent(failure -> {
            throw new IllegalStateException("a training listener failed at update " + updates + ": " + failure);
        });
    }

    /** Tells the listeners the run is over and waits for them (progress.csv closed, last checkpoint written). */
    private void endRun(long updates, boolean failed) {
        bus.publish(Addresses.metrics(runId), new RunEnded(updates, failed));
        try {
            ListenersDone answer;
            do {
                answer = nextAnswer();
            } while (answer != null && !answer.runEnded());
            if (answer == null) {
                LOG.error("the training listeners did not finish within {} s", TIMEOUT_MILLIS / 1000);
            } else if (answer.failure().isPresent() && !failed) {
                throw new IllegalStateException("a training listener failed: " + answer.failure().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
