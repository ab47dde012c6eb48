package io.acktr.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.acktr.api.env.Environment;
import io.acktr.api.policy.Policy;
import io.acktr.api.training.UpdateMetrics;
import io.acktr.envs.registry.EnvironmentRegistry;
import io.acktr.envs.wrappers.WrapperChain;
import io.acktr.policies.layers.Activation;
import io.acktr.policies.mlp.MlpArchitecture;
import io.acktr.policies.mlp.MlpPolicy;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

class CheckpointWriterTest {
    private final WrapperChain wrappers = WrapperChain.from(ConfigFactory.parseString(
            "acktr.env.wrappers = [{type = normalize-observation}]").withFallback(ConfigFactory.defaultReference()));
    private final Policy policy;

    CheckpointWriterTest() {
        Environment env = wrappers.wrap(EnvironmentRegistry.load(getClass().getClassLoader()).create("CartPole-v1"));
        env.reset(1);
        policy = new MlpPolicy(env.observationSpace(), env.actionSpace(),
                new MlpArchitecture(List.of(4), Activation.TANH, false, DataType.FLOAT), 1);
    }

    private static UpdateMetrics metrics(long updates) {
        return new UpdateMetrics(updates * 40, updates, 0, Double.NaN, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** The updates of the checkpoint on disk after each update 1..updates, then after the end; -1 for none. */
    private static List<Long> writtenAfterEach(CheckpointWriter writer, CheckpointStore store, int updates) {
        List<Long> written = new ArrayList<>();
        for (int u = 1; u <= updates; u++) {
            writer.onUpdate(metrics(u));
            written.add(writtenUpdates(store));
        }
        writer.onEnd();
        written.add(writtenUpdates(store));
        return written;
    }

    private static long writtenUpdates(CheckpointStore store) {
        try {
            return store.read().updates();
        } catch (InvalidCheckpointException e) {
            return -1;
        }
    }

    @Test
    void writesEveryIntervalUpdatesAndOnceAtTheEnd(@TempDir Path dir) {
        CheckpointStore store = new CheckpointStore(dir);
        CheckpointWriter writer = new CheckpointWriter(store, policy, wrappers, 3);

        assertThat(writtenAfterEach(writer, store, 7)).containsExactly(-1L, -1L, 3L, 3L, 3L, 6L, 6L, 7L);
        assertThat(store.read().envSteps()).isEqualTo(280);
    }

    @Test
    void anIntervalOfZeroWritesOnlyAtTheEnd(@TempDir Path dir) {
        CheckpointStore store = new CheckpointStore(dir);
        CheckpointWriter writer = new CheckpointWriter(store, policy, wrappers, 0);

        assertThat(writtenAfterEach(writer, store, 4)).containsExactly(-1L, -1L, -1L, -1L, 4L);
    }

    @Test
    void theEndDoesNotWriteTheLastUpdateTwice(@TempDir Path dir) {
        CheckpointStore store = new CheckpointStore(dir);
        CheckpointWriter writer = new CheckpointWriter(store, policy, wrappers, 2);
        writer.onUpdate(metrics(1));
        writer.onUpdate(metrics(2));
        float saved = policy.parameters().get(0).value().getFloat(0);
        policy.parameters().get(0).value().putScalar(0, saved + 1);

        writer.onEnd();

        Policy restored = new MlpPolicy(policy.observationSpace(), policy.actionSpace(),
                new MlpArchitecture(List.of(4), Activation.TANH, false, DataType.FLOAT), 2);
        store.read().restoreParameters(restored);
        assertThat(restored.parameters().get(0).value().getFloat(0)).isEqualTo(saved);
    }

    @Test
    void aRunThatEndsBeforeItsFirstUpdateWritesNothing(@TempDir Path dir) {
        CheckpointStore store = new CheckpointStore(dir);
        new CheckpointWriter(store, policy, wrappers, 1).onEnd();

        assertThatThrownBy(store::read).isInstanceOf(InvalidCheckpointException.class).hasMessageContaining("missing");
    }

    @Test
    void theBestCheckpointKeepsTheHighestMeanReturnWhenTheRunFallsBack(@TempDir Path dir) {
        CheckpointStore store = new CheckpointStore(dir);
        CheckpointStore best = CheckpointStore.best(dir);
        CheckpointWriter writer = new CheckpointWriter(store, policy, wrappers, 2);
        double[] returns = {Double.NaN, 10, 20, 480, 490, 500, 300, 120, 60};
        for (int u = 1; u <= returns.length; u++) {
            writer.onUpdate(new UpdateMetrics(u * 40L, u, u, returns[u - 1], 0, 0, 0, 0, 0, 0, 0, 0, 0));
        }
        writer.onEnd();
        assertThat(store.read().updates()).as("the latest").isEqualTo(9);
        // checkpoints were written at updates 2 (return 10), 4 (480), 6 (500), 8 (120) and 9 (60)
        assertThat(best.read().updates()).as("the best among those written").isEqualTo(6);
        assertThat(best.directory()).isEqualTo(dir.resolve(CheckpointStore.BEST));
    }

    @Test
    void onItsOwnThreadTheWriterWritesWhatItTookAtTheUpdateAndTheEndWaitsForIt(@TempDir Path dir) throws Exception {
        ExecutorService files = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch blocked = new CountDownLatch(1);
            files.execute(() -> awaitQuietly(blocked)); // holds the writer's thread
            CheckpointStore store = new CheckpointStore(dir);
            CheckpointWriter writer = new CheckpointWriter(store, policy, wrappers, 2).writingOn(files);
            writer.onUpdate(metrics(1));
            writer.onUpdate(metrics(2)); // taken now, written once the thread is free
            float taken = policy.parameters().get(0).value().getFloat(0);
            policy.parameters().get(0).value().putScalar(0, taken + 1);
            assertThat(writtenUpdates(store)).as("nothing on disk while the thread is held").isEqualTo(-1);

            blocked.countDown();
            writer.onEnd();

            assertThat(store.read().updates()).isEqualTo(2);
            Policy restored = new MlpPolicy(policy.observationSpace(), policy.actionSpace(),
                    new MlpArchitecture(List.of(4), Activation.TANH, false, DataType.FLOAT), 2);
            store.read().restoreParameters(restored);
            assertThat(restored.parameters().get(0).value().getFloat(0)).as("the parameters of update 2").isEqualTo(taken);
        } finally {
            files.shutdownNow();
        }
    }

    @Test
    void aWriteThatFailedOnTheWritersThreadFailsTheNextUpdateNamingTheCheckpoint(@TempDir Path dir) throws Exception {
        ExecutorService files = Executors.newSingleThreadExecutor();
        try {
            Path notADirectory = Files.writeString(dir.resolve("run"), "a file where the run directory should be");
            CheckpointStore store = new CheckpointStore(notADirectory);
            CheckpointWriter writer = new CheckpointWriter(store, policy, wrappers, 1).writingOn(files);
            CountDownLatch blocked = new CountDownLatch(1);
            files.execute(() -> awaitQuietly(blocked)); // the write waits behind this
            writer.onUpdate(metrics(1)); // returns: its write has not run yet
            blocked.countDown();
            files.submit(() -> { }).get(10, TimeUnit.SECONDS); // the write has run and failed

            assertThatThrownBy(() -> writer.onUpdate(metrics(2))).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining(store.directory().toString());
        } finally {
            files.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
