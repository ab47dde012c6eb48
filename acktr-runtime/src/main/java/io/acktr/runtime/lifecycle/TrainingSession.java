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
import io.acktr.envs.vector.SyncVectorEnvironment;
import io.acktr.envs.wrappers.WrapperChain;
import io.acktr.runtime.algorithm.AcktrUpdate;
import io.acktr.runtime.learner.Trainer;
import io.acktr.runtime.learner.TrainingSummary;
import io.acktr.runtime.plugins.PluginLookup;
import io.acktr.runtime.plugins.RunPlugins;
import io.acktr.runtime.settings.AlgorithmSettings;
import io.acktr.runtime.settings.CheckpointSettings;
import io.acktr.runtime.settings.RunSettings;
import io.acktr.runtime.worker.RolloutCollector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/** Assembles one training run from a validated configuration and runs it. */
public final class TrainingSession {
    private final Config config;
    private final ClassLoader classLoader;
    private final PluginLookup pluginLookup;

    public TrainingSession(Config config, ClassLoader classLoader, PluginLookup pluginLookup) {
        this.config = config;
        this.classLoader = classLoader;
        this.pluginLookup = requireNonNull(pluginLookup, "pluginLookup is null");
    }

    /**
     * Trains, writing to the run directory and printing progress to {@code console} (null for
     * none). {@code watchThreshold} makes the summary report when the mean return first reached it.
     */
    public TrainingSummary train(PrintWriter console, OptionalDouble watchThreshold, List<TrainingListener> extraListeners) {
        RunSettings run = RunSettings.from(config);
        AlgorithmSettings algorithm = AlgorithmSettings.from(config);
        CheckpointSettings checkpoints = CheckpointSettings.from(config);
        RunPlugins plugins = pluginLookup.forRun(config);
        EnvironmentRegistry environments = EnvironmentRegistry.load(classLoader, config);

        SplittableRandom random = new SplittableRandom(run.seed());
        // one chain: its normalisation statistics are shared by every environment of the vector
        WrapperChain wrappers = new WrapperChain(run.wrappers());
        try (SyncVectorEnvironment envs = createEnvironments(environments, run, wrappers)) {
            Policy policy = plugins.policy().create(envs.observationSpace(), envs.actionSpace(), run.seed());
            CurvatureEstimator curvature = plugins.curvatureEstimator().create();
            try (curvature) { // its background threads end with the run
                StepSizeRule stepSizeRule = plugins.stepSizeRule().create();
                checkCompatible(policy, curvature);

                Path directory = RunDirectory.prepare(run.runDirectory().map(Path::of).orElseGet(() -> RunDirectory.defaultPath(config)),
                        config);
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
                RolloutCollector collector = new RolloutCollector(envs, algorithm, random.split(), run.seed());
                AcktrUpdate update = new AcktrUpdate(policy, curvature, stepSizeRule, algorithm, random.split());
                return new Trainer(collector, update, listeners, run.totalSteps(), watchThreshold).run();
            }
        }
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

    private static SyncVectorEnvironment createEnvironments(EnvironmentRegistry registry, RunSettings run,
                                                            WrapperChain wrappers) {
        List<Environment> envs = new ArrayList<>();
        for (int i = 0; i < run.environmentCount(); i++) {
            envs.add(wrappers.wrap(createEnvironment(registry, run)));
        }
        return new SyncVectorEnvironment(envs);
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
