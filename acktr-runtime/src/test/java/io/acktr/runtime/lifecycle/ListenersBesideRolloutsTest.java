package io.acktr.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import io.acktr.api.policy.Policy;
import io.acktr.api.training.TrainingListener;
import io.acktr.api.training.UpdateMetrics;
import io.acktr.numerics.Vectors;
import io.acktr.runtime.bootstrap.GuicePluginLookup;
import io.acktr.runtime.learner.TrainingSummary;
import io.acktr.runtime.settings.ConfigLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run's listeners handle an update while the next rollout is collected, except after the
 * updates the checkpoint writer saves (the rollout would move the environments it saves on), and
 * never while the parameters they see change.
 */
class ListenersBesideRolloutsTest {
    private static final ClassLoader LOADER = ListenersBesideRolloutsTest.class.getClassLoader();
    private static final int INTERVAL = 4;
    private static final int UPDATES = 12;

    @Test
    void theNextRolloutRunsWhileListenersHandleAnUpdateButWaitsForThemAfterACheckpoint(@TempDir Path dir) {
        Config config = ConfigLoader.load(LOADER, Optional.empty(), List.of("acktr.run-dir=\"" + dir.resolve("run") + "\"",
                "acktr.env.count=2", "acktr.algorithm.rollout-steps=5", "acktr.total-steps=" + UPDATES * 10,
                "acktr.checkpoint.interval=" + INTERVAL, "acktr.policy.mlp.hidden-sizes=[8]",
                "acktr.policy.type=" + RecordingPolicyPlugin.NAME));
        int createdBefore = RecordingPolicyPlugin.CREATED.size();
        Map<Long, String> seen = new ConcurrentHashMap<>();
        TrainingListener watcher = new TrainingListener() {
            @Override
            public void onUpdate(UpdateMetrics metrics) {
                Policy learner = RecordingPolicyPlugin.CREATED.get(createdBefore);
                Policy worker = RecordingPolicyPlugin.CREATED.get(createdBefore + 1);
                float[] updated = firstBlock(learner);
                boolean workerHasThem;
                if (metrics.updates() == UPDATES) {
                    workerHasThem = false; // no rollout follows the last update
                } else if (metrics.updates() % INTERVAL != 0) {
                    // the next rollout starts with these parameters while this listener still runs
                    workerHasThem = waitFor(() -> Arrays.equals(firstBlock(worker), updated), 10_000);
                } else {
                    workerHasThem = waitFor(() -> Arrays.equals(firstBlock(worker), updated), 300);
                }
                boolean unchanged = Arrays.equals(firstBlock(learner), updated);
                seen.put(metrics.updates(), (workerHasThem ? "next rollout started" : "waiting") + (unchanged ? "" : ", changed"));
            }
        };

        TrainingSummary summary = new TrainingSession(config, LOADER, new GuicePluginLookup(LOADER))
                .train(null, OptionalDouble.empty(), List.of(watcher));

        assertThat(summary.updates()).isEqualTo(UPDATES);
        for (long u = 1; u <= UPDATES; u++) {
            String expected = u % INTERVAL == 0 ? "waiting" : "next rollout started";
            assertThat(seen.get(u)).as("update %d", u).isEqualTo(expected);
        }
        assertThat(new CheckpointStore(dir.resolve("run")).read().updates()).isEqualTo(UPDATES);
    }

    private static float[] firstBlock(Policy policy) {
        double[] values = Vectors.toDoubles(policy.parameters().get(0).value());
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (float) values[i];
        }
        return result;
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition, long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
