package io.acktr.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.acktr.api.policy.ParameterBlock;
import io.acktr.api.policy.Policy;
import io.acktr.numerics.Vectors;
import io.acktr.policies.mlp.MlpPolicy;
import io.acktr.runtime.bootstrap.GuicePluginLookup;
import io.acktr.policies.mlp.MlpPolicySettings;
import io.acktr.runtime.learner.TrainingSummary;
import io.acktr.runtime.plugins.PluginLookup;
import io.acktr.runtime.settings.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingSessionTest {
    private static final ClassLoader LOADER = TrainingSessionTest.class.getClassLoader();
    private static final PluginLookup PLUGINS = new GuicePluginLookup(LOADER);

    private static Config config(Path runDir, String... overrides) {
        List<String> all = new java.util.ArrayList<>(List.of("acktr.run-dir=\"" + runDir + "\"", "acktr.total-steps=1280",
                "acktr.env.count=4"));
        all.addAll(List.of(overrides));
        return ConfigLoader.load(LOADER, Optional.empty(), all);
    }

    @Test
    void aShortRunWritesOneProgressLinePerUpdateWithTheStableColumns(@TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("run");
        TrainingSummary summary = new TrainingSession(config(runDir), LOADER, PLUGINS).train(null, OptionalDouble.empty(), List.of());
        assertThat(summary.envSteps()).isEqualTo(1280);
        assertThat(summary.updates()).isEqualTo(16);
        List<String> lines = Files.readAllLines(runDir.resolve("progress.csv"));
        assertThat(lines.get(0)).startsWith("env_steps,updates,episodes,mean_return,entropy,value_loss,kl,step_size,fps");
        assertThat(lines).hasSize(17);
        assertThat(lines.get(16)).startsWith("1280,16,");
        assertThat(lines.get(0)).endsWith(",resident_mb,direction_cosine,direction_cosine_per_group");
        assertThat(lines.get(16)).as("no direction cosine unless acktr.diagnostics.direction-cosine asks").endsWith(",,");
        String[] last = lines.get(16).split(",", -1);
        long residentMb = Long.parseLong(last[last.length - 3]);
        assertThat(residentMb).as("resident set of this JVM, MB").isGreaterThan(10);
        assertThat(Files.readString(runDir.resolve("config.conf"))).contains("CartPole-v1");
    }

    @Test
    void aRunLeavesACheckpointOfItsLastUpdateWithTheTrainedParametersAndStatistics(@TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("run");
        Config c = config(runDir, "acktr.env.count=2", "acktr.total-steps=2000", "acktr.checkpoint.interval=7",
                "acktr.env.wrappers=[{type = normalize-observation}]", "acktr.policy.mlp.hidden-sizes=[16]",
                "acktr.policy.type=" + RecordingPolicyPlugin.NAME);

        int createdBefore = RecordingPolicyPlugin.CREATED.size();
        TrainingSummary summary = new TrainingSession(c, LOADER, PLUGINS).train(null, OptionalDouble.empty(), List.of());

        Policy trained = RecordingPolicyPlugin.CREATED.get(createdBefore); // the learner's
        Checkpoint checkpoint = new CheckpointStore(runDir).read();
        assertThat(summary.envSteps()).isEqualTo(2000);
        assertThat(checkpoint.envSteps()).isEqualTo(summary.envSteps());
        assertThat(checkpoint.updates()).isEqualTo(summary.updates()).isEqualTo(50);
        assertThat(checkpoint.parameters()).hasSameSizeAs(trained.parameters());
        Policy initial = new MlpPolicy(trained.observationSpace(), trained.actionSpace(),
                MlpPolicySettings.from(c).architecture(), 1);
        for (int i = 0; i < trained.parameters().size(); i++) {
            ParameterBlock block = trained.parameters().get(i);
            assertThat(checkpoint.parameters().get(i).name()).isEqualTo(block.name());
            assertThat(Vectors.toDoubles(checkpoint.parameters().get(i).value())).as(block.name())
                    .isEqualTo(Vectors.toDoubles(block.value()))
                    .isNotEqualTo(Vectors.toDoubles(initial.parameters().get(i).value()));
        }
        double observationsSeen = checkpoint.wrapperStatistics().getDouble("\"0\".count");
        assertThat(observationsSeen).as("every step's observation and every reset's").isGreaterThan(2000);
        try (Stream<Path> files = Files.list(runDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("checkpoint", "checkpoints", "best",
                    "config.conf", "run.lock", "progress.csv");
        }
    }

    @Test
    void listenersContributedByPluginsSeeEveryUpdate(@TempDir Path dir) {
        long updatesBefore = CountingListenerPlugin.UPDATES.get();
        long endsBefore = CountingListenerPlugin.ENDS.get();
        new TrainingSession(config(dir.resolve("run")), LOADER, PLUGINS).train(null, OptionalDouble.empty(), List.of());
        assertThat(CountingListenerPlugin.UPDATES.get() - updatesBefore).isEqualTo(16);
        assertThat(CountingListenerPlugin.ENDS.get() - endsBefore).isEqualTo(1);
    }

    @Test
    void theGaussianPolicyTrainsOnPendulumWithEveryStepRule(@TempDir Path dir) {
        for (String rule : List.of("trust-region", "line-search", "fixed", "rmsprop", "adam")) {
            // a fixed natural-gradient step of 0.01 diverges here within 16 updates (value loss 1e12-1e13 by
            // update 16); at 0.001 every rule stays finite, and the divergence guard keeps its defaults
            Config c = config(dir.resolve(rule), "acktr.env.id=Pendulum-v1", "acktr.step-size.type=" + rule,
                    "acktr.step-size.fixed.learning-rate=0.001");
            TrainingSummary summary = new TrainingSession(c, LOADER, PLUGINS).train(null, OptionalDouble.empty(), List.of());
            assertThat(summary.skippedUpdates()).as(rule).isZero();
            assertThat(summary.updates()).as(rule).isEqualTo(16);
        }
    }

    @Test
    void configuredWrappersNormaliseWhatThePolicySeesWhileReturnsStayRaw(@TempDir Path dir) throws Exception {
        Config c = config(dir.resolve("wrapped"), "acktr.env.id=Pendulum-v1", "acktr.total-steps=3200",
                "acktr.env.wrappers=[{type = normalize-observation}, {type = normalize-reward}, {type = clip-action}]");
        TrainingSummary summary = new TrainingSession(c, LOADER, PLUGINS).train(null, OptionalDouble.empty(), List.of());
        assertThat(summary.skippedUpdates()).isZero();
        // Pendulum's raw returns are in the hundreds below zero; normalised rewards would sum to a few units
        assertThat(summary.finalMeanReturn()).isLessThan(-100);
        // a misspelt wrapper fails while the configuration is loaded, naming the entry and the allowed types
        assertThatThrownBy(() -> config(dir.resolve("bad"), "acktr.env.wrappers=[{type = frame-stak}]"))
                .hasMessageContaining("acktr.env.wrappers[0]").hasMessageContaining("frame-stack");
    }

    @Test
    void theDiagonalFisherCoversTheGaussianLogStd(@TempDir Path dir) {
        Config c = config(dir.resolve("diag"), "acktr.env.id=Pendulum-v1", "acktr.curvature.type=diagonal");
        TrainingSummary summary = new TrainingSession(c, LOADER, PLUGINS).train(null, OptionalDouble.empty(), List.of());
        assertThat(summary.skippedUpdates()).isZero();
    }

    @Test
    void everyCurvatureEstimatorTrainsCartPoleWithEveryStepRule(@TempDir Path dir) {
        // a 16-unit network keeps the explicit Fisher within its parameter limit
        for (String curvature : List.of("kfac", "ekfac", "diagonal", "cg-fisher", "explicit", "identity")) {
            for (String rule : List.of("trust-region", "line-search", "fixed", "rmsprop", "adam", "adaptive-kl")) {
                Config c = config(dir.resolve(curvature + "-" + rule), "acktr.curvature.type=" + curvature,
                        "acktr.step-size.type=" + rule, "acktr.total-steps=320", "acktr.policy.mlp.hidden-sizes=[16]");
                TrainingSummary summary = new TrainingSession(c, LOADER, PLUGINS).train(null, OptionalDouble.empty(), List.of());
                assertThat(summary.skippedUpdates()).as(curvature + " + " + rule).isZero();
                assertThat(summary.updates()).as(curvature + " + " + rule).isEqualTo(4);
            }
        }
    }

    @Test
    void anUnknownEnvironmentIdNamesThePathAndTheKnownIds(@TempDir Path dir) {
        Config c = config(dir.resolve("x"), "acktr.env.id=CartPol-v1");
        assertThatThrownBy(() -> new TrainingSession(c, LOADER, PLUGINS).train(null, OptionalDouble.empty(), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("acktr.env.id").hasMessageContaining("CartPol-v1").hasMessageContaining("CartPole-v1, LunarLander-v2");
    }

    @Test
    void anExistingRunIsNeverOverwritten(@TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("run");
        Files.createDirectories(runDir);
        Files.writeString(runDir.resolve("progress.csv"), "precious\n");
        assertThatThrownBy(() -> new TrainingSession(config(runDir), LOADER, PLUGINS).train(null, OptionalDouble.empty(), List.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("acktr.run-dir");
        assertThat(Files.readString(runDir.resolve("progress.csv"))).isEqualTo("precious\n");
    }
}
