package io.acktr.runtime.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.acktr.envs.wrappers.WrapperSettings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private static final Config REFERENCE = ConfigFactory.defaultReference();

    @Test
    void referenceDefaultsAreTheReferenceImplementationsValues() {
        assertThat(AlgorithmSettings.from(REFERENCE))
                .isEqualTo(new AlgorithmSettings(20, 0.99, 1.0, 0.01, 0.5, 1.0, false, 1));
        assertThat(RunSettings.from(REFERENCE))
                .isEqualTo(new RunSettings(1, 100_000, Optional.empty(), "CartPole-v1", 16, 10, new WrapperSettings(List.of()),
                        300L << 20));
    }

    @Test
    void everyKeyIsMappedFromItsPath() {
        Config c = ConfigFactory.parseString("""
                acktr { seed = 7, total-steps = 5000, run-dir = "out/x", env { id = "Pendulum-v1", count = 3, wrappers = [{ type = normalize-observation }] }
                  logging.console-interval = 2
                  algorithm { rollout-steps = 5, gamma = 0.9, gae-lambda = 0.95, entropy-coefficient = 0.2,
                    value-coefficient = 0.25, value-fisher-coefficient = 0.5,
                    normalize-advantages = true, measure-step-interval = 10 } }
                """).withFallback(REFERENCE);
        assertThat(AlgorithmSettings.from(c))
                .isEqualTo(new AlgorithmSettings(5, 0.9, 0.95, 0.2, 0.25, 0.5, true, 10));
        RunSettings run = RunSettings.from(c);
        assertThat(run).isEqualTo(new RunSettings(7, 5000, Optional.of("out/x"), "Pendulum-v1", 3, 2, run.wrappers(),
                run.residentGcThresholdBytes()));
        assertThat(run.wrappers().entries()).hasSize(1);
    }

    @Test
    void invalidValuesNameThePathTheValueAndTheRule() {
        Config gamma = ConfigFactory.parseString("acktr.algorithm.gamma = 1.5").withFallback(REFERENCE);
        assertThatThrownBy(() -> AlgorithmSettings.from(gamma)).isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.algorithm.gamma").hasMessageContaining("1.5").hasMessageContaining("[0.0, 1.0]");
        Config count = ConfigFactory.parseString("acktr.env.count = 0").withFallback(REFERENCE);
        assertThatThrownBy(() -> RunSettings.from(count)).hasMessageContaining("acktr.env.count").hasMessageContaining(">= 1");
        Config memory = ConfigFactory.parseString("acktr.memory.resident-gc-threshold = lots").withFallback(REFERENCE);
        assertThatThrownBy(() -> RunSettings.from(memory)).hasMessageContaining("acktr.memory.resident-gc-threshold")
                .hasMessageContaining("lots").hasMessageContaining("2G");
    }

    @Test
    void oneRolloutWorkerByDefaultAndAtMostOnePerEnvironment() {
        assertThat(RuntimeSettings.from(REFERENCE)).isEqualTo(new RuntimeSettings(1, 16));
        Config three = ConfigFactory.parseString("acktr.runtime.rollout-workers = 3, acktr.env.count = 8").withFallback(REFERENCE);
        RuntimeSettings settings = RuntimeSettings.from(three);
        assertThat(settings).isEqualTo(new RuntimeSettings(3, 8));
        // contiguous slices 0-2, 3-5, 6-7
        assertThat(List.of(settings.firstEnvironment(0), settings.firstEnvironment(1), settings.firstEnvironment(2)))
                .containsExactly(0, 3, 6);
        assertThat(List.of(settings.environments(0), settings.environments(1), settings.environments(2))).containsExactly(3, 3, 2);

        Config zero = ConfigFactory.parseString("acktr.runtime.rollout-workers = 0").withFallback(REFERENCE);
        assertThatThrownBy(() -> RuntimeSettings.from(zero)).isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.runtime.rollout-workers").hasMessageContaining(">= 1");
        Config tooMany = ConfigFactory.parseString("acktr.runtime.rollout-workers = 5, acktr.env.count = 4").withFallback(REFERENCE);
        assertThatThrownBy(() -> RuntimeSettings.from(tooMany)).isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.runtime.rollout-workers").hasMessageContaining("5")
                .hasMessageContaining("<= acktr.env.count = 4");
        Config text = ConfigFactory.parseString("acktr.runtime.rollout-workers = many").withFallback(REFERENCE);
        assertThatThrownBy(() -> RuntimeSettings.from(text)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("acktr.runtime.rollout-workers");
    }

    @Test
    void theCheckpointIntervalDefaultsTo100AndMayBeZeroButNotNegative() {
        assertThat(CheckpointSettings.from(REFERENCE)).isEqualTo(new CheckpointSettings(100, 3));
        Config zero = ConfigFactory.parseString("acktr.checkpoint.interval = 0").withFallback(REFERENCE);
        assertThat(CheckpointSettings.from(zero)).isEqualTo(new CheckpointSettings(0, 3));
        Config seven = ConfigFactory.parseString("acktr.checkpoint.interval = 7").withFallback(REFERENCE);
        assertThat(CheckpointSettings.from(seven).interval()).isEqualTo(7);
        Config negative = ConfigFactory.parseString("acktr.checkpoint.interval = -1").withFallback(REFERENCE);
        assertThatThrownBy(() -> CheckpointSettings.from(negative)).isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.checkpoint.interval").hasMessageContaining("-1").hasMessageContaining(">= 0");
        Config text = ConfigFactory.parseString("acktr.checkpoint.interval = often").withFallback(REFERENCE);
        assertThatThrownBy(() -> CheckpointSettings.from(text)).isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.checkpoint.interval").hasMessageContaining("whole number");
    }

    @Test
    void checkpointsKeptAreAWholeNumberFromOneToAThousand() {
        Config five = ConfigFactory.parseString("acktr.checkpoint.keep = 5").withFallback(REFERENCE);
        assertThat(CheckpointSettings.from(five)).isEqualTo(new CheckpointSettings(100, 5));
        for (String bad : List.of("0", "1001", "2.5")) {
            Config config = ConfigFactory.parseString("acktr.checkpoint.keep = " + bad).withFallback(REFERENCE);
            assertThatThrownBy(() -> CheckpointSettings.from(config)).isInstanceOf(ConfigException.BadValue.class)
                    .hasMessageContaining("acktr.checkpoint.keep").hasMessageContaining(bad);
        }
    }

    @Test
    void theResidentGcThresholdIsASize() {
        Config config = ConfigFactory.parseString("acktr.memory.resident-gc-threshold = 512M").withFallback(REFERENCE);
        assertThat(RunSettings.from(config).residentGcThresholdBytes()).isEqualTo(512L << 20);
    }

    @Test
    void recordsBuiltInCodeAreCheckedAsConfigIs() {
        assertThatThrownBy(() -> new AlgorithmSettings(0, 0.99, 1.0, 0.01, 0.5, 1.0, false, 1)).isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("Invalid value at 'acktr.algorithm.rollout-steps': 0: must be >= 1");
        assertThatThrownBy(() -> new AlgorithmSettings(20, 0.99, 1.5, 0.01, 0.5, 1.0, false, 1))
                .hasMessageContaining("acktr.algorithm.gae-lambda");
        assertThatThrownBy(() -> new AlgorithmSettings(20, 0.99, 1.0, -0.01, 0.5, 1.0, false, 1))
                .hasMessageContaining("acktr.algorithm.entropy-coefficient");
        assertThatThrownBy(() -> new AlgorithmSettings(20, 0.99, 1.0, 0.01, 0.5, 1.0, false, -1))
                .hasMessageContaining("acktr.algorithm.measure-step-interval");
        assertThatThrownBy(() -> new CheckpointSettings(-1, 3))
                .hasMessageContaining("Invalid value at 'acktr.checkpoint.interval': -1: must be >= 0");
        WrapperSettings none = new WrapperSettings(List.of());
        assertThatThrownBy(() -> new RunSettings(1, 0, Optional.empty(), "CartPole-v1", 1, 1, none, 0))
                .hasMessageContaining("Invalid value at 'acktr.total-steps': 0: must be >= 1");
        assertThatThrownBy(() -> new RunSettings(1, 10, Optional.empty(), " ", 1, 1, none, 0))
                .hasMessageContaining("acktr.env.id").hasMessageContaining("must name an environment");
        assertThatThrownBy(() -> new RunSettings(1, 10, Optional.empty(), "CartPole-v1", 1, 0, none, 0))
                .hasMessageContaining("acktr.logging.console-interval");
        assertThatThrownBy(() -> new RunSettings(1, 10, Optional.empty(), "CartPole-v1", 1, 1, none, -1))
                .hasMessageContaining("acktr.memory.resident-gc-threshold");
    }
}
