package io.acktr.runtime.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
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
}
