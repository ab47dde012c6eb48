package io.acktr.runtime.lifecycle;

import com.typesafe.config.Config;
import io.acktr.runtime.learner.RolloutWorkers;
import io.acktr.runtime.settings.RuntimeSettings;

/**
 * Where the rollout workers of a run live when not in the run's own process: on the nodes of a
 * cluster, for environments that cost more than the learner's share of a machine. The session
 * closes the workers it was given when the run ends.
 */
public interface RolloutPlacement {
    /**
     * Starts the {@code runtime.rolloutWorkers()} workers of run {@code runId} (worker {@code w}
     * stepping the slice {@link RuntimeSettings#firstEnvironment(int)} of {@link
     * RuntimeSettings#environments(int)} environments) and returns how the learner reaches them.
     *
     * @param config the run's resolved configuration, from which the workers are made
     */
    RolloutWorkers place(String runId, Config config, RuntimeSettings runtime);
}
