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
        List<Environment> environments = new ArrayList<>();
        for (int i = 0; i < run.environmentCount(); i++) {
            environments.add(registry.create(run.environmentId()));
        }
        SplittableRandom random = new SplittableRandom(run.seed());
        try (SyncVectorEnvironment vector = new SyncVectorEnvironment(environments)) {
            Policy policy = policies.create(vector.observationSpace(), vector.actionSpace(), run.seed());
            Batch batch = new RolloutCollector(vector, AlgorithmSettings.from(config), random.split(), run.seed())
                    .collect(policy).batch();
            return new PolicyAndBatch(policy, batch);
        }
    }
}
