package io.acktr.runtime.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.acktr.runtime.settings.ConfigLoader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {
    private static final ClassLoader LOADER = PluginRegistryTest.class.getClassLoader();

    private static PluginRegistry registry(Config config) {
        return Plugins.registry(AcktrInjector.create(config, AcktrInjector.discoverModules(LOADER)));
    }

    @Test
    void everyBuiltInPluginIsRegisteredByName() {
        PluginRegistry registry = registry(ConfigLoader.load(LOADER, Optional.empty(), List.of()));
        assertThat(registry.curvatureEstimators()).containsKeys("kfac", "diagonal", "identity");
        assertThat(registry.stepSizeRules()).containsKeys("trust-region", "fixed", "rmsprop", "adam");
        assertThat(registry.policies()).containsKeys("mlp");
    }

    @Test
    void anUnknownCurvatureNameListsTheKnownOnes() {
        Config config = ConfigLoader.load(LOADER, Optional.empty(), List.of("acktr.curvature.type=kfc"));
        assertThatThrownBy(() -> registry(config).curvatureEstimator(config))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.curvature.type").hasMessageContaining("kfc")
                .hasMessageContaining("cg-fisher, diagonal, ekfac, explicit, identity, kfac");
    }

    @Test
    void anUnknownStepRuleNameListsTheKnownOnes() {
        Config config = ConfigLoader.load(LOADER, Optional.empty(), List.of("acktr.step-size.type=adamw"));
        assertThatThrownBy(() -> registry(config).stepSizeRule(config))
                .hasMessageContaining("acktr.step-size.type").hasMessageContaining("adam, adaptive-kl, fixed, line-search, rmsprop, trust-region");
    }

    @Test
    void aPluginSettingsErrorSurfacesAsTheConfigurationErrorWithItsPath() {
        Config config = ConfigLoader.load(LOADER, Optional.empty(), List.of("acktr.step-size.rmsprop.decay=2"));
        assertThatThrownBy(() -> registry(config)).isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.step-size.rmsprop.decay");
    }
}
