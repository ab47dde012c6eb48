package io.acktr.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acktr.api.env.EnvironmentProvider;
import io.acktr.runtime.bootstrap.GuicePluginLookup;
import io.acktr.runtime.learner.RolloutFailedException;
import io.acktr.runtime.settings.ConfigLoader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolloutWorkerFailureTest {
    @Test
    void anEnvironmentThatThrowsFailsTheRunNamingItAndLeavesNoVertxThreads(@TempDir Path dir) throws Exception {
        Path services = dir.resolve("classes/META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(EnvironmentProvider.class.getName()), FailingEnvironmentProvider.class.getName() + "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()},
                RolloutWorkerFailureTest.class.getClassLoader())) {
            Path runDir = dir.resolve("run");
            var config = ConfigLoader.load(loader, Optional.empty(), List.of("acktr.run-dir=\"" + runDir + "\"",
                    "acktr.env.id=" + FailingEnvironmentProvider.ID, "acktr.env.count=4", "acktr.runtime.rollout-workers=2",
                    "acktr.total-steps=4000", "acktr.policy.mlp.hidden-sizes=[8]"));

            assertThatThrownBy(() -> new TrainingSession(config, loader, new GuicePluginLookup(loader))
                    .train(null, OptionalDouble.empty(), List.of()))
                    .isInstanceOf(RolloutFailedException.class)
                    .hasMessageContaining("rollout worker 1")
                    .hasMessageContaining("environment 3 (Failing-v0) at its step 30 failed")
                    .hasMessageContaining("the simulator broke");

            // the updates before the failure were reported: 20 steps x 4 environments each
            assertThat(Files.readAllLines(runDir.resolve(ProgressCsvWriter.FILE_NAME))).hasSize(2);
        }
        assertThat(vertxThreadsLeft()).as("non-daemon Vert.x threads").isEmpty();
    }

    private static List<String> vertxThreadsLeft() throws InterruptedException {
        List<String> left = List.of();
        for (int attempt = 0; attempt < 50; attempt++) { // event loops end shortly after close completes
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && !t.isDaemon() && t.getName().startsWith("vert.x-"))
                    .map(Thread::getName).toList();
            if (left.isEmpty()) {
                return left;
            }
            Thread.sleep(100);
        }
        return left;
    }
}
