package io.acktr.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import io.acktr.runtime.bootstrap.GuicePluginLookup;
import io.acktr.runtime.plugins.PluginLookup;
import io.acktr.runtime.settings.ConfigLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A synchronous run stopped at update K and resumed to update N computes exactly what the run
 * trained to N without a stop: every progress.csv column but the timings, and the final parameters.
 */
class ResumeTest {
    private static final ClassLoader LOADER = ResumeTest.class.getClassLoader();
    private static final PluginLookup PLUGINS = new GuicePluginLookup(LOADER);
    /** Columns that measure the machine, not the run. */

    static void train(Path runDir, List<String> run, long totalSteps) {
        List<String> all = new ArrayList<>(run);
        all.add("acktr.run-dir=\"" + runDir + "\"");
        all.add("acktr.total-steps=" + totalSteps);
        Config config = ConfigLoader.load(LOADER, Optional.empty(), all);
        new TrainingSession(config, LOADER, PLUGINS).train(null, OptionalDouble.empty(), List.of());
    }

    static void resume(Path runDir, long totalSteps) {
        Config config = ConfigLoader.forResume(LOADER, runDir, List.of("acktr.total-steps=" + totalSteps));
        new TrainingSession(config, LOADER, PLUGINS).resume(runDir, null, OptionalDouble.empty(), List.of());
    }

    /** The final checkpoint's parameters, bit for bit, as text. */
    static List<String> parameters(Path runDir) {
        return new CheckpointStore(runDir).read().parameters().stream()
                .map(b -> b.name() + " " + Arrays.toString(b.value().castTo(DataType.DOUBLE).ravel().toDoubleVector())).toList();
    }

    private static void assertResumedEqualsUninterrupted(Path dir, List<String> run, long stopAt, long totalSteps, int updates)
            throws IOException {
        Path uninterrupted = dir.resolve("uninterrupted");
        train(uninterrupted, run, totalSteps);
        Path stopped = dir.resolve("stopped");
        train(stopped, run, stopAt);
        assertThat(UntimedProgress.of(stopped)).hasSizeLessThan(updates + 1);
        resume(stopped, totalSteps);

        assertThat(UntimedProgress.of(uninterrupted)).hasSize(updates + 1);
        assertThat(UntimedProgress.of(stopped)).containsExactlyElementsOf(UntimedProgress.of(uninterrupted));
        assertThat(parameters(stopped)).containsExactlyElementsOf(parameters(uninterrupted));
    }

    @Test
    void cartPoleWithKfacResumedBetweenEigendecompositionsEqualsTheUninterruptedRun(@TempDir Path dir) throws IOException {
        // K-FAC refreshes its eigenbases every 10 updates: update 17 leaves batches not yet folded in
        List<String> run = List.of("acktr.env.count=5", "acktr.seed=3", "acktr.checkpoint.interval=4");
        assertResumedEqualsUninterrupted(dir, run, 1700, 3000, 30);
    }

    @Test
    void normalisedPendulumWithTwoWorkersResumesMidEpisodeWithItsTimeLimitsAndStatistics(@TempDir Path dir)
            throws IOException {
        // Pendulum's 200-step episodes: stopping at update 13 (260 steps per environment) is mid-episode
        List<String> run = List.of("acktr.env.id=Pendulum-v1", "acktr.env.count=4", "acktr.runtime.rollout-workers=2",
                "acktr.env.wrappers=[{type = normalize-observation}, {type = normalize-reward}]",
                "acktr.step-size.type=adam");
        assertResumedEqualsUninterrupted(dir, run, 1040, 2000, 25);
    }

    @Test
    void minAtarBreakoutResumesMidEpisodeWithItsStickyActions(@TempDir Path dir) throws IOException {
        List<String> run = List.of("acktr.env.id=\"MinAtar/Breakout-v0\"", "acktr.env.count=2", "acktr.seed=5");
        assertResumedEqualsUninterrupted(dir, run, 480, 800, 20);
    }

    @Test
    void progressCsvIsCutBackToTheCheckpointAndItsLastWholeRow(@TempDir Path dir) throws IOException {
        List<String> run = List.of("acktr.env.count=5", "acktr.seed=4", "acktr.checkpoint.interval=0");
        Path uninterrupted = dir.resolve("uninterrupted");
        train(uninterrupted, run, 1500);
        Path stopped = dir.resolve("stopped");
        train(stopped, run, 800);
        // a row of an update after the checkpoint (written before a crash), then a torn one
        Files.writeString(stopped.resolve(ProgressCsvWriter.FILE_NAME), "900,9,1,20.0,0.6,1,0.001,0.1,100.0,0.1,0.001,0,100"
                + System.lineSeparator() + "1000,10,2,2", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        resume(stopped, 1500);
        assertThat(UntimedProgress.of(stopped)).hasSize(16).containsExactlyElementsOf(UntimedProgress.of(uninterrupted));
    }
}
