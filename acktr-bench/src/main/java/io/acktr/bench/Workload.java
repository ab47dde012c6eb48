package io.acktr.bench;

import com.typesafe.config.Config;
import io.acktr.api.policy.Policy;
import io.acktr.api.policy.PolicyFactory;
import io.acktr.runtime.algorithm.Batch;

/**
 * Where a preset's policy and batch come from: a rollout of real environments
 * ({@link EnvironmentRollout}), or seeded synthetic data for network shapes that no installed
 * environment has ({@link SyntheticBatch}). Both are deterministic for the configuration's
 * {@code acktr.seed}.
 */
public sealed interface Workload permits EnvironmentRollout, SyntheticBatch {
    /** A freshly initialised policy built by {@code policies} and one batch of transitions for it. */
    PolicyAndBatch create(Config config, PolicyFactory policies, ClassLoader classLoader);

    /** A policy and a batch that fits it. */
    record PolicyAndBatch(Policy policy, Batch batch) {
    }
}
