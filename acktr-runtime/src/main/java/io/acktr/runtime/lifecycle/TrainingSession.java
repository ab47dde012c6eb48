package io.acktr.runtime.lifecycle;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.acktr.api.curvature.CurvatureEstimator;
import io.acktr.api.env.Environment;
import io.acktr.api.policy.ForwardModePolicy;
import io.acktr.api.policy.Policy;
import io.acktr.api.step.StepSizeRule;
import io.acktr.api.training.TrainingListener;
import io.acktr.envs.registry.EnvironmentRegistry;
import io.acktr.envs.registry.UnknownEnvironmentException;
import io.acktr.envs.wrappers.WrapperChain;
import io.acktr.runtime.algorithm.AcktrUpdate;
import io.acktr.runtime.learner.Learner;
import io.acktr.runtime.bus.ListenerSubscriber;
import io.acktr.runtime.bus.Addresses;
import io.acktr.runtime.bus.RunObserver;
import io.acktr.runtime.bus.StartedRun;
import io.acktr.runtime.learner.LocalRolloutWorkers;
import io.acktr.runtime.learner.RolloutWorkers;
import io.acktr.api.env.Space;
import io.acktr.runtime.learner.TrainingSummary;
import io.acktr.runtime.plugins.PluginLookup;
import io.acktr.runtime.plugins.RunPlugins;
import io.acktr.runtime.settings.AlgorithmSettings;
import io.acktr.runtime.settings.CheckpointSettings;
import io.acktr.runtime.settings.DirectionCosineSettings;
import io.acktr.runtime.settings.DivergenceSettings;
import io.acktr.runtime.settings.RunSettings;
import io.acktr.runtime.settings.RuntimeSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.nio.file.Files;
import io.acktr.api.state.ResumableRandom;
import io.acktr.api.state.SavedState;

/** Assembles one training run from a validated configuration and runs it. */
public final class TrainingSession {
    private final Config config;
    private final ClassLoader classLoader;
    private final PluginLookup pluginLookup;
    private final Optional<RolloutPlacement> placement;
    /** Whether a checkpoint's files are written on a thread of the run's, while the next rollout runs. */
    private final boolean checkpointFilesBesideTheRun;

    public TrainingSession(Config config, ClassLoader classLoader, PluginLookup pluginLookup) {
        this(config, classLoader, pluginLookup, Optional.empty(), true);
    }

    private TrainingSession(Config config, ClassLoader classLoader, PluginLookup pluginLookup,
                            Optional<RolloutPlacement> placement, boolean checkpointFilesBesideTheRun) {
        this.config = config;
        this.classLoader = classLoader;
        this.pluginLookup = requireNonNull(pluginLookup, "pluginLookup is null");
        this.placement = requireNonNull(placement, "placement is null");
        this.checkpointFilesBesideTheRun = checkpointFilesBesideTheRun;
    }

    /** The same session with its rollout workers placed by {@code placement} instead of in this process. */
    public TrainingSession withRolloutPlacement(RolloutPlacement placement) {
        return new TrainingSession(config, classLoader, pluginLookup, Optional.of(placement), checkpointFilesBesideTheRun);
    }

    /**
     * The same session, writing each checkpoint's files while the listeners handle its update, as
     * the run's last listener, instead of beside the next rollout: for a listener that reads them
     * when it hears of the next update (a cluster node's, which sends them to the coordinator).
     */
    public TrainingSession withCheckpointFilesWrittenBeforeTheNextUpdate() {
        return new TrainingSession(config, classLoader, pluginLookup, placement, false);
    }

    /**
     * Trains, writing to the run directory and printing progress to {@code console} (null for
     * none). {@code watchThreshold} makes the summary report when the mean return first reached it.
     */
    public TrainingSummary train(PrintWriter console, OptionalDouble watchThreshold, List<TrainingListener> extraListeners) {
        return train(console, watchThreshold, extraListeners, RunObserver.NONE);
    }

    /**
     * Trains as {@link #train(PrintWriter, OptionalDouble, List)} does, and tells {@code observer}
     * of the run (as a run of {@code <curvature> + <step size>} on node {@code local}) once its
     * event bus is up, before the first update.
     */
    public TrainingSummary train(PrintWriter console, OptionalDouble watchThreshold, List<TrainingListener> extraListeners,
                                 RunObserver observer) {
        return run(Optional.empty(), console, watchThreshold, extraListeners, requireNonNull(observer, "observer is null"));
    }

    /**
     * Continues the run in {@code runDirectory} from its checkpoint, in place, until this session's
     * {@code acktr.total-steps}; the session's configuration is the run's own
     * ({@link io.acktr.runtime.settings.ConfigLoader#forResume}). The parameters, the wrappers'
     * statistics, the update's, curvature estimator's and step rule's state, the random generators,
     * the counters, the episode window and the environments that can save themselves continue where
     * the checkpoint left them, so a synchronous run resumed at update K computes what the
     * uninterrupted run computed after K; environments that cannot save themselves start new
     * episodes. {@code progress.csv} is cut back to the checkpoint's update and continued.
     *
     * @throws InvalidCheckpointException when the checkpoint is missing, damaged or holds no training state
     * @throws ConfigException when the directory is no run directory, is in use, or the run already
     *     spent {@code acktr.total-steps}
     */
    public TrainingSummary resume(Path runDirectory, PrintWriter console, OptionalDouble watchThreshold,
                                  List<TrainingListener> extraListeners) {
        return resume(runDirectory, console, watchThreshold, extraListeners, RunObserver.NONE);
    }

    /** {@link #resume(Path, PrintWriter, OptionalDouble, List)}, telling {@code observer} of the run as {@link #train} does. */
    public TrainingSummary resume(Path runDirectory, PrintWriter console, OptionalDouble watchThreshold,
                                  List<TrainingListener> extraListeners, RunObserver observer) {
        return run(Optional.of(requireNonNull(runDirectory, "runDirectory is null")), console, watchThreshold, extraListeners,
                requireNonNull(observer, "observer is null"));
    }

    private TrainingSummary run(Optional<Path> resumeDirectory, PrintWriter console, OptionalDouble watchThreshold,
                                List<TrainingListener> extraListeners, RunObserver observer) {
        // a resume holds the folder before it reads the checkpoint, so no other training changes it meanwhile
        RunDirectory.Lock resumeLock = resumeDirectory.map(directory -> RunDirectory.lock(directory, "--resume")).orElse(null);
        try {
            return assembleAndTrain(resumeDirectory, resumeLock, console, watchThreshold, extraListeners, observer);
        } finally {
            if (resumeLock != null) {
                resumeLock.close();
            }
        }
    }

    private TrainingSummary assembleAndTrain(Optional<Path> resumeDirectory, RunDirectory.Lock resumeLock,
                                             PrintWriter console, OptionalDouble watchThreshold,
                                             List<TrainingListener> extraListeners, RunObserver observer) {
        RunSettings run = RunSettings.from(config);
        AlgorithmSettings algorithm = AlgorithmSettings.from(config);
        DirectionCosineSettings directionCosine = DirectionCosineSettings.from(config);
        CheckpointSettings checkpoints = CheckpointSettings.from(config);
        RuntimeSettings runtime = RuntimeSettings.from(config);
        RunPlugins plugins = pluginLookup.forRun(config);
        EnvironmentRegistry environments = EnvironmentRegistry.load(classLoader, config);
        Optional<Checkpoint> resumed = resumeDirectory.map(directory -> readResumable(directory, run));

        ResumableRandom random = new ResumableRandom(run.seed()); // SplittableRandom's numbers, with a state to save
        // the run's chain: the learner alone updates its statistics, from the samples the workers'
        // environments saw, in environment order; the workers normalise with them frozen per rollout
        WrapperChain wrappers = new WrapperChain(run.wrappers());
        Space observationSpace;
        Space actionSpace;
        try (Environment probe = wrappers.wrapForEvaluation(createEnvironment(environments, run))) {
            observationSpace = probe.observationSpace(); // the wrapped spaces; wrapping also sized the statistics
            actionSpace = probe.actionSpace();
        }
        Policy policy = plugins.policy().create(observationSpace, actionSpace, run.seed());
        CurvatureEstimator curvature = plugins.curvatureEstimator().create();
        try (curvature) { // its background threads end with the run
            StepSizeRule stepSizeRule = plugins.stepSizeRule().create();
            checkCompatible(policy, curvature, directionCosine);
            if (resumed.isPresent()) {
                resumed.get().restoreParameters(policy);
                resumed.get().restoreStatistics(wrappers);
            }

            Path directory = resumeDirectory.orElseGet(() -> RunDirectory.prepare(
                    run.runDirectory().map(Path::of).orElseGet(() -> RunDirectory.defaultPath(config)), config));
            try (RunDirectory.Lock lock = resumeLock != null ? resumeLock : RunDirectory.lock(directory, "acktr.run-dir")) {
                if (resumed.isPresent()) {
                    RunDirectory.rewriteConfig(directory, config); // a new budget holds for the next resume too
                }
                Parts parts = new Parts(run, algorithm, directionCosine, checkpoints, runtime, plugins, environments, wrappers,
                        observationSpace, actionSpace, policy, curvature, stepSizeRule);
                return train(parts, resumed, random, directory, console, watchThreshold, extraListeners, observer);
            }
        }
    }

    /** The checkpoint of the run in {@code directory}, which must hold training state and leave steps to train. */
    private static Checkpoint readResumable(Path directory, RunSettings run) {
        Checkpoint checkpoint = new CheckpointStore(directory).read();
        if (!checkpoint.canResume()) {
            throw new InvalidCheckpointException(checkpoint.origin() + ": holds no training state (written by an acktr"
                    + " before resume existed); it can be evaluated, not resumed");
        }
        if (checkpoint.envSteps() >= run.totalSteps()) {
            throw new ConfigException.BadValue("acktr.total-steps", run.totalSteps() + ": the run already trained "
                    + checkpoint.envSteps() + " env steps (update " + checkpoint.updates() + "); resume with --set "
                    + "acktr.total-steps=N, N > " + checkpoint.envSteps());
        }
        return checkpoint;
    }

    /** What {@link #assembleAndTrain} built before the run directory: settings, plugins, the policy and its optimiser. */
    private record Parts(RunSettings run, AlgorithmSettings algorithm, DirectionCosineSettings directionCosine,
                         CheckpointSettings checkpoints, RuntimeSettings runtime,
                         RunPlugins plugins, EnvironmentRegistry environments, WrapperChain wrappers, Space observationSpace,
                         Space actionSpace, Policy policy, CurvatureEstimator curvature, StepSizeRule stepSizeRule) {
    }

    /** Starts the run's Vert.x instance, its listeners, workers and learner, restores a resumed run's state, and trains. */
    private TrainingSummary train(Parts parts, Optional<Checkpoint> resumed, ResumableRandom random, Path directory,
                                  PrintWriter console, OptionalDouble watchThreshold, List<TrainingListener> extraListeners,
                                  RunObserver observer) {
        RunSettings run = parts.run();
        AlgorithmSettings algorithm = parts.algorithm();
        RuntimeSettings runtime = parts.runtime();
        RunPlugins plugins = parts.plugins();
        EnvironmentRegistry environments = parts.environments();
        WrapperChain wrappers = parts.wrappers();
        Policy policy = parts.policy();
        CurvatureEstimator curvature = parts.curvature();
        StepSizeRule stepSizeRule = parts.stepSizeRule();
        Space observationSpace = parts.observationSpace();
        Space actionSpace = parts.actionSpace();
        String runId = directory.getFileName().toString();
        AtomicReference<Learner> learner = new AtomicReference<>();
        List<TrainingListener> listeners = new ArrayList<>(extraListeners);
        listeners.addAll(plugins.trainingListeners());
        listeners.add(resumed.isPresent() ? ProgressCsvWriter.resume(directory, resumed.get().updates())
                : ProgressCsvWriter.create(directory));
        listeners.add(NativeMemoryGuard.forThisProcess(run.residentGcThresholdBytes()));
        if (console != null) {
            console.println((resumed.isPresent() ? "resuming at update " + resumed.get().updates() + " (env step "
                    + resumed.get().envSteps() + "): " : "") + "training " + policy.parameterCount() + " parameters on "
                    + run.environmentCount() + " x " + run.environmentId() + " with " + curvature.name() + " + "
                    + stepSizeRule.name() + "; writing to " + directory);
            listeners.add(new ConsoleReporter(console, run.consoleInterval(), run.totalSteps()));
        }
        // last: a checkpoint is taken once the update's metrics are reported, and its files written
        // on a thread of the run's while the next rollout runs
        ExecutorService checkpointFiles = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "acktr-checkpoint-files-" + runId);
            thread.setDaemon(true);
            return thread;
        });
        CheckpointWriter checkpointWriter = new CheckpointWriter(CheckpointStore.keeping(directory, parts.checkpoints().keep()),
                policy, wrappers, parts.checkpoints().interval(), () -> learner.get().trainingState())
                .writingOn(checkpointFilesBesideTheRun ? checkpointFiles : Runnable::run);
        listeners.add(checkpointWriter);
        random.split(); // the action-sampling stream before per-environment streams; keeps the update's stream
        AcktrUpdate update = new AcktrUpdate(policy, curvature, stepSizeRule, algorithm, random.split(),
                parts.directionCosine());
        Optional<SavedState> environmentState = resumed.map(c -> c.trainingState().getOrDefault(Learner.ENVIRONMENTS,
                SavedState.empty()));
        long resumedUpdates = resumed.map(Checkpoint::updates).orElse(0L);
        try (RunVertx vertx = new RunVertx(runtime.rolloutWorkers() + 2)) {
            vertx.deployWorker(new ListenerSubscriber(runId, listeners), "the training listeners");
            RolloutWorkerFactory workerFactory = new RolloutWorkerFactory(environments, run, algorithm, plugins.policy(),
                    observationSpace, actionSpace);
            try (RolloutWorkers workers = placement.isPresent() ? placement.get().place(runId, config, runtime)
                    : deployLocally(vertx, runId, runtime, workerFactory, run.seed(), environmentState, resumedUpdates)) {
                observer.runStarted(new StartedRun(runId, runId, directory, run.environmentId(),
                        curvature.name() + " + " + stepSizeRule.name(), run.seed(), run.totalSteps(), "local"), vertx.eventBus());
                learner.set(new Learner(vertx.eventBus(), runId, workers, update, wrappers, run.totalSteps(), watchThreshold));
                learner.get().listenersSaveStateAfter(checkpointWriter::writesAfter);
                learner.get().setResumeHint("; resume with: acktr train --resume " + directory);
                CheckpointStore store = new CheckpointStore(directory);
                learner.get().guardAgainstDivergence(DivergenceSettings.from(config), () -> {
                    checkpointWriter.awaitWrites();
                    return restore(store, policy, update);
                }, () -> {
                    checkpointWriter.awaitWrites();
                    return restore(CheckpointStore.best(directory), policy, update);
                });
                if (resumed.isPresent()) {
                    try {
                        learner.get().restoreState(resumed.get().trainingState());
                    } catch (IllegalArgumentException e) {
                        throw new InvalidCheckpointException(resumed.get().origin() + ": " + e.getMessage(), e);
                    }
                    checkpointWriter.restoreState(resumed.get().trainingState());
                }
                return learner.get().run();
            }
        } finally {
            checkpointFiles.shutdown(); // the listeners' end waited for the last write
        }
    }

    /** Puts the parameters and the update's state of {@code store}'s checkpoint back; what it restored, or nothing without one. */
    private static Optional<String> restore(CheckpointStore store, Policy policy, AcktrUpdate update) {
        if (!Files.isDirectory(store.directory())) {
            return Optional.empty();
        }
        Checkpoint good = store.read();
        good.restoreParameters(policy);
        update.restoreCurvatureAndStepRule(good.trainingState());
        return Optional.of("the checkpoint of update " + good.updates() + " (" + store.directory() + ")");
    }

    /** The run's workers on its own Vert.x; a resumed run's take their environments' saved state when they start. */
    private static RolloutWorkers deployLocally(RunVertx vertx, String runId, RuntimeSettings runtime,
                                                RolloutWorkerFactory workerFactory, long seed,
                                                Optional<SavedState> environmentState, long resumedUpdates) {
        for (int w = 0; w < runtime.rolloutWorkers(); w++) {
            vertx.deployWorker(workerFactory.create(Addresses.rolloutWorker(runId, w), w, runtime.firstEnvironment(w),
                    runtime.environments(w), seed, environmentState, resumedUpdates), "rollout worker " + w);
        }
        return new LocalRolloutWorkers(vertx.eventBus(), runId, runtime.rolloutWorkers());
    }

    /** Pairs that cannot work fail here, before the run directory exists. */
    private void checkCompatible(Policy policy, CurvatureEstimator curvature, DirectionCosineSettings directionCosine) {
        if (curvature.requirements().fisherVectorProducts() && !(policy instanceof ForwardModePolicy)) {
            throw new ConfigException.BadValue("acktr.curvature.type", curvature.name()
                    + " needs exact Fisher-vector products, but the policy acktr.policy.type = "
                    + config.getString("acktr.policy.type") + " (" + policy.getClass().getSimpleName()
                    + ") has no forward mode; choose another estimator or policy");
        }
        if (directionCosine.enabled() && !(policy instanceof ForwardModePolicy)) {
            throw new ConfigException.BadValue(DirectionCosineSettings.PREFIX + ".interval", directionCosine.interval()
                    + ": the exact natural gradient needs Fisher-vector products, but the policy acktr.policy.type = "
                    + config.getString("acktr.policy.type") + " (" + policy.getClass().getSimpleName()
                    + ") has no forward mode; set it to 0");
        }
    }

    /** A new environment of {@code acktr.env.id}, not yet wrapped. */
    static Environment createEnvironment(EnvironmentRegistry registry, RunSettings run) {
        try {
            return registry.create(run.environmentId());
        } catch (UnknownEnvironmentException e) {
            throw new ConfigException.BadValue("acktr.env.id", e.getMessage());
        }
    }
}
