package io.acktr.bench;

import com.typesafe.config.Config;
import io.acktr.api.env.Environment;
import io.acktr.api.policy.Policy;
import io.acktr.api.policy.PolicyFactory;
import io.acktr.envs.registry.EnvironmentRegistry;
import io.acktr.envs.vector.SyncVectorEnvironment;
import io.acktr.runtime.algorithm.Batch;
import io.acktr.runtime.settings.AlgorithmSettings;
import io.acktr.runtime.settings.RunSettings;
import io.acktr.runtime.worker.RolloutCollector;
import io.acktr.runtime.learner.RolloutAssembly;
import io.acktr.envs.wrappers.WrapperSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The batch a training run would see first: {@code acktr.env.count} environments of
 * {@code acktr.env.id} stepped {@code acktr.algorithm.rollout-steps} times by the freshly
 * initialised policy, with the trainer's own {@link RolloutCollector}.
 */
public record EnvironmentRollout() implements Workload {
    @Override
    public PolicyAndBatch create(Config config, PolicyFactory policies, ClassLoader classLoader) {
        RunSettings run = RunSettings.from(config);
        EnvironmentRegistry registry = EnvironmentRegistry.load(classLoader);
        try (RolloutCollector collector = new RolloutCollector(() -> registry.create(run.environmentId()),
                new WrapperSettings(List.of()), 0, run.environmentCount(), run.environmentCount(), AlgorithmSettings.from(config),
                run.seed())) {
            Policy policy = policies.create(collector.observationSpace(), collector.actionSpace(), run.seed());
            Batch batch = RolloutAssembly.batch(List.of(collector.collect(policy, 0, List.of())));
            return new PolicyAndBatch(policy, batch);
        }
    }
}
