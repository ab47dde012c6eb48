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
import io.acktr.runtime.settings.RunSettings;
import io.acktr.runtime.settings.RuntimeSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/** Assembles one training run from a validated configuration and runs it. */
public final class TrainingSession {
    private final Config config;
    private final ClassLoader classLoader;
    private final PluginLookup pluginLookup;
    private final Optional<RolloutPlacement> placement;

    public TrainingSession(Config config, ClassLoader classLoader, PluginLookup pluginLookup) {
        this(config, classLoader, pluginLookup, Optional.empty());
    }

    private TrainingSession(Config config, ClassLoader classLoader, PluginLookup pluginLookup,
                            Optional<RolloutPlacement> placement) {
        this.config = config;
        this.classLoader = classLoader;
        this.pluginLookup = requireNonNull(pluginLookup, "pluginLookup is null");
        this.placement = requireNonNull(placement, "placement is null");
    }

    /** The same session with its rollout workers placed by {@code placement} instead of in this process. */
    public TrainingSession withRolloutPlacement(RolloutPlacement placement) {
        return new TrainingSession(config, classLoader, pluginLookup, Optional.of(placement));
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
        requireNonNull(observer, "observer is null");
        RunSettings run = RunSettings.from(config);
        AlgorithmSettings algorithm = AlgorithmSettings.from(config);
        CheckpointSettings checkpoints = CheckpointSettings.from(config);
        RuntimeSettings runtime = RuntimeSettings.from(config);
        RunPlugins plugins = pluginLookup.forRun(config);
        EnvironmentRegistry environments = EnvironmentRegistry.load(classLoader, config);

        SplittableRandom random = new SplittableRandom(run.seed());
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
            checkCompatible(policy, curvature);

            Path directory = RunDirectory.prepare(run.runDirectory().map(Path::of).orElseGet(() -> RunDirectory.defaultPath(config)),
                    config);
            String runId = directory.getFileName().toString();
            List<TrainingListener> listeners = new ArrayList<>(extraListeners);
            listeners.addAll(plugins.trainingListeners());
            listeners.add(ProgressCsvWriter.create(directory));
            listeners.add(NativeMemoryGuard.forThisProcess(run.residentGcThresholdBytes()));
            if (console != null) {
                console.println("training " + policy.parameterCount() + " parameters on " + run.environmentCount() + " x "
                        + run.environmentId() + " with " + curvature.name() + " + " + stepSizeRule.name() + "; writing to "
                        + directory);
                listeners.add(new ConsoleReporter(console, run.consoleInterval(), run.totalSteps()));
            }
            // last: a checkpoint is written once the update's metrics are reported
            listeners.add(new CheckpointWriter(new CheckpointStore(directory), policy, wrappers, checkpoints.interval()));
            random.split(); // the action-sampling stream before per-environment streams; keeps the update's stream
            AcktrUpdate update = new AcktrUpdate(policy, curvature, stepSizeRule, algorithm, random.split());
            try (RunVertx vertx = new RunVertx(runtime.rolloutWorkers() + 2)) {
                vertx.deployWorker(new ListenerSubscriber(runId, listeners), "the training listeners");
                RolloutWorkerFactory workerFactory = new RolloutWorkerFactory(environments, run, algorithm, plugins.policy(),
                        observationSpace, actionSpace);
                try (RolloutWorkers workers = placement.isPresent() ? placement.get().place(runId, config, runtime)
                        : deployLocally(vertx, runId, runtime, workerFactory, run.seed())) {
                    observer.runStarted(new StartedRun(runId, runId, directory, run.environmentId(),
                            curvature.name() + " + " + stepSizeRule.name(), run.seed(), run.totalSteps(), "local"), vertx.eventBus());
                    return new Learner(vertx.eventBus(), runId, workers, update, wrappers, run.totalSteps(), watchThreshold).run();
                }
            }
        }
    }

    private static RolloutWorkers deployLocally(RunVertx vertx, String runId, RuntimeSettings runtime,
                                                RolloutWorkerFactory workerFactory, long seed) {
        for (int w = 0; w < runtime.rolloutWorkers(); w++) {
            vertx.deployWorker(workerFactory.create(Addresses.rolloutWorker(runId, w), w, runtime.firstEnvironment(w),
                    runtime.environments(w), seed), "rollout worker " + w);
        }
        return new LocalRolloutWorkers(vertx.eventBus(), runId, runtime.rolloutWorkers());
    }

    /** Pairs that cannot work fail here, before the run directory exists. */
    private void checkCompatible(Policy policy, CurvatureEstimator curvature) {
        if (curvature.requirements().fisherVectorProducts() && !(policy instanceof ForwardModePolicy)) {
            throw new ConfigException.BadValue("acktr.curvature.type", curvature.name()
                    + " needs exact Fisher-vector products, but the policy acktr.policy.type = "
                    + config.getString("acktr.policy.type") + " (" + policy.getClass().getSimpleName()
                    + ") has no forward mode; choose another estimator or policy");
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
