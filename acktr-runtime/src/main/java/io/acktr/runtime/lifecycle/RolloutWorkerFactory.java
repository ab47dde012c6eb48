package io.acktr.runtime.lifecycle;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import io.acktr.api.env.Environment;
import io.acktr.api.env.Space;
import io.acktr.api.policy.PolicyFactory;
import io.acktr.envs.registry.EnvironmentRegistry;
import io.acktr.envs.wrappers.WrapperChain;
import io.acktr.runtime.plugins.PluginLookup;
import io.acktr.runtime.settings.AlgorithmSettings;
import io.acktr.runtime.settings.RunSettings;
import io.acktr.runtime.worker.RolloutCollector;
import io.acktr.api.state.SavedState;
import java.util.Optional;
import io.acktr.runtime.worker.RolloutWorker;

/**
 * Makes the rollout workers of one run from its configuration: a slice of its environments,
 * wrapped as the run wraps them, and a policy of the run's architecture whose parameters the
 * learner's snapshots overwrite. The learner's session uses it for its own workers, and a node of
 * a cluster for the workers it hosts for a learner elsewhere.
 */
public final class RolloutWorkerFactory {
    private final EnvironmentRegistry environments;
    private final RunSettings run;
    private final AlgorithmSettings algorithm;
    private final PolicyFactory policies;
    private final Space observationSpace;
    private final Space actionSpace;

    RolloutWorkerFactory(EnvironmentRegistry environments, RunSettings run, AlgorithmSettings algorithm, PolicyFactory policies,
                         Space observationSpace, Space actionSpace) {
        this.environments = requireNonNull(environments, "environments is null");
        this.run = requireNonNull(run, "run is null");
        this.algorithm = requireNonNull(algorithm, "algorithm is null");
        this.policies = requireNonNull(policies, "policies is null");
        this.observationSpace = requireNonNull(observationSpace, "observationSpace is null");
        this.actionSpace = requireNonNull(actionSpace, "actionSpace is null");
    }

    /**
     * The factory of the run {@code config} describes, on a machine other than its learner's: it
     * makes (and closes) one wrapped environment to learn the spaces the policy sees.
     */
    public static RolloutWorkerFactory forRun(Config config, ClassLoader classLoader, PluginLookup pluginLookup) {
        RunSettings run = RunSettings.from(config);
        EnvironmentRegistry environments = EnvironmentRegistry.load(classLoader, config);
        Space observationSpace;
        Space actionSpace;
        try (Environment probe = new WrapperChain(run.wrappers())
                .wrapForEvaluation(TrainingSession.createEnvironment(environments, run))) {
            observationSpace = probe.observationSpace();
            actionSpace = probe.actionSpace();
        }
        return new RolloutWorkerFactory(environments, run, AlgorithmSettings.from(config),
                pluginLookup.forRun(config).policy(), observationSpace, actionSpace);
    }

    /**
     * Worker {@code index}, listening on {@code address}, stepping environments {@code first ..
     * first + count - 1} of the run's {@code acktr.env.count}, environment {@code i} reset with
     * seed {@code seed + i}. Its environments are made when the verticle starts, on its thread.
     */
    public RolloutWorker create(String address, int index, int first, int count, long seed) {
        return create(address, index, first, count, seed, Optional.empty(), 0);
    }

    /**
     * As {@link #create(String, int, int, int, long)}, for a run that resumes at update
     * {@code updates}: the worker's environments take {@code state} (the run's, by environment
     * index, see {@link RolloutCollector#restoreState}) when it starts.
     */
    public RolloutWorker create(String address, int index, int first, int count, long seed, Optional<SavedState> state,
                                long updates) {
        return new RolloutWorker(address, index, () -> {
            RolloutCollector collector = new RolloutCollector(() -> TrainingSession.createEnvironment(environments, run),
                    run.wrappers(), first, count, run.environmentCount(), algorithm, seed);
            state.ifPresent(saved -> collector.restoreState(saved, updates));
            return collector;
        }, policies.create(observationSpace, actionSpace, run.seed()));
    }
}
