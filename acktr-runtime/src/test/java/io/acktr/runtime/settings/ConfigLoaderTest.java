package io.acktr.runtime.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigRenderOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final ClassLoader LOADER = ConfigLoaderTest.class.getClassLoader();

    @Test
    void defaultsComeFromEveryModulesReferenceConf() {
        Config c = ConfigLoader.load(LOADER, Optional.empty(), List.of());
        assertThat(c.getString("acktr.env.id")).isEqualTo("CartPole-v1");
        assertThat(c.getString("acktr.curvature.type")).isEqualTo("kfac");
        assertThat(c.getString("acktr.step-size.type")).isEqualTo("trust-region");
        assertThat(c.getString("acktr.policy.type")).isEqualTo("mlp");
    }

    @Test
    void overridesWinOverTheFileWhichWinsOverTheDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.conf");
        Files.writeString(file, "acktr { seed = 5, env.count = 4 }");
        Config c = ConfigLoader.load(LOADER, Optional.of(file), List.of("acktr.seed=9", "acktr.curvature.type=identity"));
        assertThat(c.getLong("acktr.seed")).isEqualTo(9);
        assertThat(c.getInt("acktr.env.count")).isEqualTo(4);
        assertThat(c.getString("acktr.curvature.type")).isEqualTo("identity");
    }

    @Test
    void aMisspelledKeyIsRejectedWithItsPathAndTheKnownSiblings() {
        assertThatThrownBy(() -> ConfigLoader.load(LOADER, Optional.empty(), List.of("acktr.curvature.kfac.dampin=0.1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("acktr.curvature.kfac.dampin")
                .hasMessageContaining("acktr.curvature.kfac.damping");
    }

    @Test
    void aValueOfTheWrongTypeNamesThePath() {
        assertThatThrownBy(() -> ConfigLoader.load(LOADER, Optional.empty(), List.of("acktr.total-steps=lots")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("acktr.total-steps");
    }

    @Test
    void aMissingConfigFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.conf");
        assertThatThrownBy(() -> ConfigLoader.load(LOADER, Optional.of(missing), List.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("nope.conf");
    }

    @Test
    void anOverrideWithoutEqualsSignIsExplained() {
        assertThatThrownBy(() -> ConfigLoader.load(LOADER, Optional.empty(), List.of("acktr.seed")))
                .hasMessageContaining("expected key=value");
    }

    @Test
    void aFileWhoseKeysLackTheAcktrPrefixIsRefusedNamingTheKeyAndWhereItBelongs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.conf");
        Files.writeString(file, "total-steps = 5000");
        assertThatThrownBy(() -> ConfigLoader.load(LOADER, Optional.of(file), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("total-steps").hasMessageContaining("did you mean acktr.total-steps");
    }

    @Test
    void aMisspeltRootIsRefusedNamingTheNearestKnownOne() {
        assertThatThrownBy(() -> ConfigLoader.load(LOADER, Optional.empty(), List.of("acktrr.total-steps=5000")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("acktrr").hasMessageContaining("did you mean acktr");
    }

    @Test
    void aMisspeltKeyUnderAcktrNamesTheNearestKnownOne() {
        assertThatThrownBy(() -> ConfigLoader.load(LOADER, Optional.empty(), List.of("acktr.total-step=5000")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("acktr.total-step").hasMessageContaining("did you mean acktr.total-steps?");
    }

    @Test
    void infinitiesAndNaNAreRefusedWhereANumberIsExpected() {
        // (the plugins' own settings, e.g. learning rates and dampings, are refused by their records: see their tests)
        for (String set : List.of("acktr.seed=Infinity", "acktr.total-steps=Infinity", "acktr.algorithm.gamma=NaN",
                "acktr.algorithm.entropy-coefficient=Infinity", "acktr.algorithm.value-coefficient=-Infinity")) {
            String path = set.substring(0, set.indexOf('='));
            assertThatThrownBy(() -> ConfigLoader.load(LOADER, Optional.empty(), List.of(set))).as(set)
                    .isInstanceOf(ConfigException.class).hasMessageContaining(path);
        }
    }

    @Test
    void aFractionalCountIsRefusedNotTruncated() {
        assertThatThrownBy(() -> ConfigLoader.load(LOADER, Optional.empty(), List.of("acktr.env.count=2.5")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("acktr.env.count").hasMessageContaining("2.5").hasMessageContaining("whole number");
        assertThat(ConfigLoader.load(LOADER, Optional.empty(), List.of("acktr.env.count=4.0")).getInt("acktr.env.count"))
                .isEqualTo(4);
    }

    @Test
    void aStepBudgetBeyondTheLimitIsRefused() {
        assertThatThrownBy(() -> ConfigLoader.load(LOADER, Optional.empty(), List.of("acktr.total-steps=1e20")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("acktr.total-steps");
        assertThat(ConfigLoader.load(LOADER, Optional.empty(), List.of("acktr.total-steps=1e6")).getLong("acktr.total-steps"))
                .isEqualTo(1_000_000L);
    }

    @Test
    void aOneLineFileRunsTheSameExperimentAsSetOfTheSameKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("seed.conf");
        Files.writeString(file, "acktr.seed = 2");
        Config fromFile = ConfigLoader.load(LOADER, Optional.of(file), List.of());
        Config fromSet = ConfigLoader.load(LOADER, Optional.empty(), List.of("acktr.seed=2"));
        assertThat(fromFile.getConfig("acktr").root().render(ConfigRenderOptions.concise())).isEqualTo(fromSet.getConfig("acktr").root().render(ConfigRenderOptions.concise()));
        assertThat(fromFile.getInt("acktr.env.count")).as("the default run's, not the reference's").isEqualTo(8);
    }

    @Test
    void defaultsReferenceLayersOverTheReferencesAlone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("reference-based.conf");
        Files.writeString(file, "acktr { defaults = reference, seed = 2 }");
        Config fromFile = ConfigLoader.load(LOADER, Optional.of(file), List.of());
        Config fromSet = ConfigLoader.load(LOADER, Optional.empty(), List.of("acktr.defaults=reference", "acktr.seed=2"));
        Config reference = com.typesafe.config.ConfigFactory.defaultReference(LOADER);
        assertThat(fromFile.getInt("acktr.env.count")).isEqualTo(reference.getInt("acktr.env.count"));
        assertThat(fromFile.getConfig("acktr").root().render(ConfigRenderOptions.concise())).isEqualTo(fromSet.getConfig("acktr").root().render(ConfigRenderOptions.concise()));
    }

    @Test
    void anUnknownDefaultsValueNamesTheSettingAndTheChoices() {
        assertThatThrownBy(() -> ConfigLoader.load(LOADER, Optional.empty(), List.of("acktr.defaults=tuned")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("acktr.defaults").hasMessageContaining("default-run").hasMessageContaining("reference");
    }
}
