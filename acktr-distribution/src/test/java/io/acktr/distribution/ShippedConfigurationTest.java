package io.acktr.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.acktr.envs.registry.EnvironmentRegistry;
import io.acktr.runtime.bootstrap.AcktrInjector;
import io.acktr.runtime.bootstrap.PluginRegistry;
import io.acktr.runtime.bootstrap.Plugins;
import io.acktr.runtime.settings.ConfigLoader;
import io.acktr.runtime.suite.SuiteDefinition;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ShippedConfigurationTest {
    @Test
    void everyBundledPresetLoadsAndNamesRegisteredPluginsAndAnInstalledEnvironment() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        List<Path> presets;
        try (Stream<Path> files = Files.list(Path.of("src/bundle/conf"))) {
            presets = files.filter(f -> f.toString().endsWith(".conf")).sorted().toList();
        }
        assertThat(presets).extracting(p -> p.getFileName().toString())
                .contains("cartpole-acktr.conf", "lunarlander-acktr.conf", "minatar-breakout-acktr.conf");
        EnvironmentRegistry environments = EnvironmentRegistry.load(loader);
        for (Path preset : presets) {
            Config config = ConfigLoader.load(loader, Optional.of(preset), List.of());
            PluginRegistry plugins = Plugins.registry(AcktrInjector.create(config, AcktrInjector.discoverModules(loader)));
            assertThat(plugins.curvatureEstimator(config).create()).as(preset.toString()).isNotNull();
            assertThat(plugins.stepSizeRule(config).create()).as(preset.toString()).isNotNull();
            String id = config.getString("acktr.env.id");
            if (!id.startsWith("gymnasium/")) { // the MuJoCo presets: see the next test
                assertThat(environments.create(id)).as(preset.toString()).isNotNull();
            }
        }
    }

    /**
     * The MuJoCo presets are loaded and checked here without their environments, which need a Python
     * with Gymnasium and MuJoCo (the bridge's own tests make them).
     */
    @Test
    void everyMujocoPresetLoadsAndNamesAGymnasiumEnvironmentAndRegisteredPlugins() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        for (String task : List.of("hopper", "walker2d", "halfcheetah")) {
            for (String algorithm : List.of("acktr", "a2c")) {
                Path preset = Path.of("src/bundle/conf/" + task + "-" + algorithm + ".conf");
                Config config = ConfigLoader.load(loader, Optional.of(preset), List.of());
                PluginRegistry plugins = Plugins.registry(AcktrInjector.create(config, AcktrInjector.discoverModules(loader)));
                assertThat(plugins.curvatureEstimator(config).create().name()).as(preset.toString())
                        .isEqualTo(algorithm.equals("acktr") ? "kfac" : "identity");
                assertThat(plugins.stepSizeRule(config).create()).as(preset.toString()).isNotNull();
                assertThat(config.getString("acktr.env.id")).as(preset.toString()).startsWith("gymnasium/");
                assertThat(config.getLong("acktr.total-steps")).as(preset.toString()).isEqualTo(1_000_000L);
            }
        }
    }

    /** The MuJoCo suite of the sample-efficiency bench trains the presets as they are, task by task. */
    @Test
    void theMujocoSuiteTrainsEachTasksPresets() {
        ClassLoader loader = getClass().getClassLoader();
        SuiteDefinition suite = SuiteDefinition.from(ConfigFactory.parseFile(new java.io.File("src/bundle/conf/suites/mujoco.conf"))
                .resolve());
        assertThat(suite.tasks()).extracting(SuiteDefinition.Task::name).containsExactly("hopper", "walker2d", "halfcheetah");
        assertThat(suite.variants()).extracting(SuiteDefinition.Variant::name).containsExactly("acktr", "a2c");
        for (SuiteDefinition.Task task : suite.tasks()) {
            for (SuiteDefinition.Variant variant : suite.variants()) {
                Config preset = ConfigLoader.load(loader,
                        Optional.of(Path.of("src/bundle/conf/" + task.name() + "-" + variant.name() + ".conf")), List.of());
                Config settings = variant.settingsFor(task);
                assertThat(task.environmentId()).isEqualTo(preset.getString("acktr.env.id"));
                for (String path : List.of("acktr.curvature.type", "acktr.step-size.type", "acktr.env.count",
                        "acktr.env.wrappers", "acktr.algorithm.rollout-steps", "acktr.algorithm.gae-lambda")) {
                    assertThat(settings.getValue(path).unwrapped()).as(task.name() + " " + variant.name() + " " + path)
                            .isEqualTo(preset.getValue(path).unwrapped());
                }
            }
        }
    }

    @Test
    void theBundledCartPoleConfigIsTheEmbeddedDefaultRun() throws Exception {
        String bundled = Files.readString(Path.of("src/bundle/conf/cartpole-acktr.conf"));
        try (InputStream embedded = getClass().getClassLoader().getResourceAsStream("io/acktr/runtime/default-run.conf")) {
            assertThat(embedded).as("default-run.conf on the class path").isNotNull();
            assertThat(new String(embedded.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(bundled);
        }
    }

    /** The built-in ablation's Pendulum variants step as the tuned preset does; only the direction differs. */
    @Test
    void theAblationsPendulumStepsAreThePendulumPresets() {
        ClassLoader loader = getClass().getClassLoader();
        Config preset = ConfigLoader.load(loader, Optional.of(Path.of("src/bundle/conf/pendulum-acktr.conf")), List.of());
        SuiteDefinition ablation = SuiteDefinition.from(ConfigFactory.parseResources(loader, "io/acktr/runtime/suites/ablation.conf")
                .resolve());
        SuiteDefinition.Task pendulum = ablation.tasks().stream().filter(t -> t.name().equals("pendulum")).findFirst().orElseThrow();
        SuiteDefinition.Variant kfac = ablation.variants().stream().filter(v -> v.name().equals("kfac")).findFirst().orElseThrow();
        Config variant = kfac.settingsFor(pendulum);
        for (String path : List.of("acktr.curvature.type", "acktr.env.count", "acktr.step-size.type",
                "acktr.step-size.trust-region.quadratic-form", "acktr.step-size.trust-region.kl-radius",
                "acktr.step-size.trust-region.momentum", "acktr.algorithm.entropy-coefficient",
                "acktr.algorithm.value-fisher-coefficient", "acktr.algorithm.gae-lambda")) {
            assertThat(variant.getValue(path).unwrapped()).as(path).isEqualTo(preset.getValue(path).unwrapped());
        }
    }
}
