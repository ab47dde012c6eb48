package io.acktr.distribution;

import static io.acktr.distribution.ExamplePluginBuild.BUNDLE;
import static io.acktr.distribution.ExamplePluginBuild.ENVIRONMENT_EXAMPLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.distribution.ExamplePluginBuild.Result;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds {@code examples/acktr-plugin-example} with Maven as a third party would, drops its jar
 * into the {@code plugins/} folder of a copy of the bundle and runs that copy's {@code bin/acktr}
 * ({@link ExamplePluginBuild}).
 */
class PluginExampleIT {
    @TempDir
    static Path work;
    private static Path pluginJar;
    private static Path bundleWithPlugin;

    @BeforeAll
    static void buildThePluginAndABundleCopyHoldingIt() throws Exception {
        pluginJar = ExamplePluginBuild.buildJar(ENVIRONMENT_EXAMPLE, work);
        bundleWithPlugin = ExamplePluginBuild.bundleWith(work.resolve("bundle"), List.of(pluginJar));
    }

    @Test
    void theExampleIsBuiltAgainstTheCurrentAcktrVersion() throws IOException {
        assertThat(ExamplePluginBuild.acktrVersionOf(ENVIRONMENT_EXAMPLE)).as("acktr.version in examples/acktr-plugin-example/pom.xml")
                .isEqualTo(ExamplePluginBuild.acktrVersion());
    }

    @Test
    void thePluginJarHoldsItsOwnClassesAndServicesFileButNotTheApi() throws IOException {
        try (JarFile jar = new JarFile(pluginJar.toFile())) {
            List<String> entries = jar.stream().map(e -> e.getName()).toList();

            assertThat(entries).contains("org/example/gridwalk/GridWalk.class", "org/example/gridwalk/GridWalkProvider.class",
                    "META-INF/services/io.acktr.api.env.EnvironmentProvider");
            assertThat(entries).noneMatch(name -> name.startsWith("io/acktr/"));
        }
    }

    @Test
    void envsListsTheEnvironmentOfAJarDroppedIntoPlugins() throws Exception {
        Result r = acktr("envs");

        assertThat(r.exitCode()).as(r.both()).isZero();
        assertThat(r.out()).containsPattern("GridWalk-v0 +observations Box\\(0\\.0, 1\\.0, \\[1\\]\\), actions Discrete\\(2\\)"
                        + "  \\[org\\.example\\.gridwalk\\.GridWalkProvider\\]")
                .contains("CartPole-v1", "Pendulum-v1");
        assertThat(r.err()).doesNotContain("warning");
    }

    @Test
    void trainRunsOnTheEnvironmentOfAJarDroppedIntoPlugins() throws Exception {
        Result r = acktr("train", "--set", "acktr.env.id=GridWalk-v0", "--set", "acktr.total-steps=640",
                "--set", "acktr.run-dir=gridwalk", "-q");

        assertThat(r.exitCode()).as(r.both()).isZero();
        Matcher done = Pattern.compile("done: 640 env steps, (\\d+) updates").matcher(r.out());
        assertThat(done.find()).as(r.both()).isTrue();
        Path runDirectory = bundleWithPlugin.resolve("gridwalk");
        assertThat(Files.readAllLines(runDirectory.resolve("progress.csv"))).hasSize(Integer.parseInt(done.group(1)) + 1);
        assertThat(Files.readString(runDirectory.resolve("config.conf"))).contains("GridWalk-v0");
    }

    /**
     * {@code bin/acktr} builds its own class path ({@code lib/*} and {@code plugins/*}) and so
     * ignores {@code CLASSPATH}; a program that starts acktr with its own class path finds a
     * plugin jar on it the same way.
     */
    @Test
    void aJarOnThePlainClassPathIsFoundWithoutThePluginsFolder() throws Exception {
        String classPath = BUNDLE.resolve("lib").toAbsolutePath() + File.separator + "*" + File.pathSeparator
                + pluginJar.toAbsolutePath();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", classPath, "io.acktr.runtime.bootstrap.AcktrCommand", "envs");

        Result r = ExamplePluginBuild.run(command, Files.createDirectories(work.resolve("plain-class-path")), work);

        assertThat(r.exitCode()).as(r.both()).isZero();
        assertThat(r.out()).contains("GridWalk-v0", "org.example.gridwalk.GridWalkProvider");
    }

    private static Result acktr(String... args) throws IOException, InterruptedException {
        return ExamplePluginBuild.acktr(bundleWithPlugin, work, args);
    }
}
