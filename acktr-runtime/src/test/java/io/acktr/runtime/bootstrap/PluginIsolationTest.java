package io.acktr.runtime.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.acktr.curvature.kfac.KfacCurvatureEstimator;
import io.acktr.curvature.step.FixedStepRule;
import io.acktr.runtime.bootstrap.testplugins.DuplicateNamePlugin;
import io.acktr.runtime.bootstrap.testplugins.FailingConstructorPlugin;
import io.acktr.runtime.bootstrap.testplugins.FixedCopyPlugin;
import io.acktr.runtime.bootstrap.testplugins.ThirdPartyJar;
import io.acktr.runtime.bootstrap.testplugins.UnreadableSettingsPlugin;
import io.acktr.runtime.settings.ConfigLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A jar of third-party plugins, loaded as from a bundle's {@code plugins/} directory: one that
 * works, one whose class is missing, one whose constructor throws, one whose settings cannot be
 * read and one that claims a built-in name.
 */
class PluginIsolationTest {
    private static final String JAR = ThirdPartyJar.FILE_NAME;

    @TempDir
    Path dir;
    private URLClassLoader loader;

    @BeforeEach
    void writeTheJar() throws IOException {
        loader = ThirdPartyJar.classLoader(dir);
    }

    @AfterEach
    void closeTheJar() throws IOException {
        loader.close();
    }

    private Config config(String... overrides) {
        return ConfigLoader.load(loader, Optional.empty(), List.of(overrides));
    }

    private PluginRegistry registry(Config config) {
        return Plugins.registry(AcktrInjector.create(config, AcktrInjector.discoverModules(loader)));
    }

    @Test
    void aPluginRegisteredThroughAcktrPluginIsFoundAndSelectable() {
        Config config = config("acktr.step-size.type=" + FixedCopyPlugin.NAME);
        PluginRegistry registry = registry(config);
        assertThat(registry.stepSizeRule(config).create()).isInstanceOf(FixedStepRule.class);
        assertThat(registry.sources().get(PluginRegistry.STEP_SIZE_TYPE)).containsEntry(FixedCopyPlugin.NAME, JAR);
        assertThat(registry.curvatureEstimators()).containsKey(UnreadableSettingsPlugin.WORKING);
    }

    @Test
    void theBuiltInPluginsWorkBesideTheBrokenOnes() {
        Config config = config();
        PluginRegistry registry = registry(config);
        assertThat(registry.curvatureEstimator(config).create()).isInstanceOf(KfacCurvatureEstimator.class);
        assertThat(registry.sources().get(PluginRegistry.CURVATURE_TYPE).get("kfac")).doesNotContain(JAR);
        assertThat(registry.policies()).containsKeys("mlp", "cnn");
    }

    @Test
    void aPluginWhoseClassIsMissingIsSkippedWithOneWarningNamingItsJar() {
        assertThat(registry(config()).problems()).filteredOn(problem -> problem.contains(ThirdPartyJar.MISSING_CLASS))
                .singleElement().asString().contains("from " + JAR).contains("not found");
    }

    @Test
    void aPluginWhoseConstructorThrowsIsSkippedWithOneWarningNamingItsJarAndTheCause() {
        assertThat(registry(config()).problems()).filteredOn(problem -> problem.contains(FailingConstructorPlugin.class.getName()))
                .singleElement().asString().contains("from " + JAR).contains(FailingConstructorPlugin.CAUSE);
    }

    @Test
    void aFactoryWhoseSettingsThrowIsSkippedAndSelectingItFailsWithTheCause() {
        Config config = config("acktr.curvature.type=" + UnreadableSettingsPlugin.BROKEN);
        PluginRegistry registry = registry(config);
        assertThat(registry.problems()).filteredOn(problem -> problem.contains("\"" + UnreadableSettingsPlugin.BROKEN + "\""))
                .singleElement().asString().contains("from " + JAR).contains(UnreadableSettingsPlugin.CAUSE);
        assertThat(registry.curvatureEstimators()).doesNotContainKey(UnreadableSettingsPlugin.BROKEN);
        assertThatThrownBy(() -> registry.curvatureEstimator(config)).isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining(PluginRegistry.CURVATURE_TYPE).hasMessageContaining(JAR)
                .hasMessageContaining(UnreadableSettingsPlugin.CAUSE);
    }

    @Test
    void aPluginThatRegistersATakenNameIsSkippedWholeAndSelectingItsOtherNameFailsWithTheCause() {
        Config config = config("acktr.curvature.type=" + DuplicateNamePlugin.OWN);
        PluginRegistry registry = registry(config);
        assertThat(registry.problems()).filteredOn(problem -> problem.contains(DuplicateNamePlugin.class.getName()))
                .singleElement().asString().contains("from " + JAR).contains("\"kfac\" is already registered by");
        assertThat(registry.curvatureEstimators()).doesNotContainKey(DuplicateNamePlugin.OWN);
        assertThatThrownBy(() -> registry.curvatureEstimator(config)).isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining(DuplicateNamePlugin.OWN).hasMessageContaining("already registered");
    }

    @Test
    void anUnknownNameAlsoNamesThePluginsThatCouldNotBeLoaded() {
        Config config = config("acktr.curvature.type=from-the-missing-class");
        assertThatThrownBy(() -> registry(config).curvatureEstimator(config))
                .hasMessageContaining("no such plugin").hasMessageContaining(ThirdPartyJar.MISSING_CLASS);
    }

    @Test
    void acktrPluginsListsTheJarOfEachNameAndEachSkippedPluginWithItsCause() throws Exception {
        Run run = acktr("plugins");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("fixed-copy +" + JAR).containsPattern("kfac +\\S+")
                .containsPattern("unreadable +skipped").containsPattern("kfac-twin +skipped")
                .contains("  skipped plugin " + FailingConstructorPlugin.class.getName() + " from " + JAR);
        assertThat(run.out().lines().filter(line -> line.startsWith("  skipped "))).hasSize(4);
    }

    @Test
    void commandsThatDoNotSelectASkippedPluginRunNormally() throws Exception {
        assertThat(acktr("envs").exitCode()).isZero();
        Run run = acktr("train", "--quiet", "--set", "acktr.total-steps=64", "--set", "acktr.env.count=2",
                "--set", "acktr.step-size.type=" + FixedCopyPlugin.NAME, "--set", "acktr.run-dir=" + dir.resolve("run"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("done: 80 env steps");
    }

    @Test
    void selectingASkippedPluginExitsWith2AndTheCause() throws Exception {
        Run run = acktr("train", "--quiet", "--set", "acktr.curvature.type=" + UnreadableSettingsPlugin.BROKEN,
                "--set", "acktr.run-dir=" + dir.resolve("run"));
        assertThat(run.exitCode()).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains(UnreadableSettingsPlugin.CAUSE).contains(JAR);
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run acktr(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Callable<Integer> command = () -> AcktrCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return new Run(command.call(), out.toString(), err.toString());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
