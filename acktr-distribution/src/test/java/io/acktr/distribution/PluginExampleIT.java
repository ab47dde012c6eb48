package io.acktr.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds {@code examples/acktr-plugin-example} with Maven as a third party would, drops its jar
 * into the {@code plugins/} folder of a copy of the bundle and runs that copy's {@code bin/acktr}.
 * The real bundle is left untouched: the copy has its own {@code bin/}, {@code conf/} and
 * {@code plugins/} and links to the real {@code lib/}.
 */
class PluginExampleIT {
    private static final Path BUNDLE = Path.of(System.getProperty("acktr.bundle", "target/acktr"));
    private static final Path EXAMPLE = Path.of(System.getProperty("acktr.plugin-example", "../examples/acktr-plugin-example"));
    private static final String EXAMPLE_ARGUMENT = "examples/acktr-plugin-example";
    private static final Duration MAVEN_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration ACKTR_TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    static Path work;
    private static Path pluginJar;
    private static Path bundleWithPlugin;

    record Result(int exitCode, String out, String err) {
        String both() {
            return "stdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    @BeforeAll
    static void buildThePluginAndABundleCopyHoldingIt() throws Exception {
        Path project = work.resolve("plugin-project");
        copyTree(EXAMPLE, project);
        // Not offline: the example resolves acktr-api's own dependency versions (ND4J's), which this
        // build, managing them, may not have downloaded yet; Maven Central is reachable where we test.
        List<String> command = new ArrayList<>(List.of(mavenExecutable().toString(), "-B", "-q",
                "-f", project.resolve("pom.xml").toString(), "package", "-Dacktr.version=" + acktrVersion()));
        String localRepository = System.getProperty("maven.repo.local", "");
        if (!localRepository.isBlank()) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        Result build = run(command, project, MAVEN_TIMEOUT);
        assertThat(build.exitCode()).as("mvn package of %s failed:%n%s", EXAMPLE_ARGUMENT, build.both()).isZero();
        try (Stream<Path> built = Files.list(project.resolve("target"))) {
            List<Path> jars = built.filter(p -> p.getFileName().toString().endsWith(".jar")).toList();
            assertThat(jars).as("jars built by %s", EXAMPLE_ARGUMENT).hasSize(1);
            pluginJar = jars.get(0);
        }

        bundleWithPlugin = work.resolve("bundle");
        copyTree(BUNDLE.resolve("bin"), bundleWithPlugin.resolve("bin"));
        copyTree(BUNDLE.resolve("conf"), bundleWithPlugin.resolve("conf"));
        copyTree(BUNDLE.resolve("plugins"), bundleWithPlugin.resolve("plugins"));
        Files.createSymbolicLink(bundleWithPlugin.resolve("lib"), BUNDLE.resolve("lib").toAbsolutePath());
        Files.copy(pluginJar, bundleWithPlugin.resolve("plugins").resolve(pluginJar.getFileName()));
    }

    @Test
    void theExampleIsBuiltAgainstTheCurrentAcktrVersion() throws IOException {
        String pom = Files.readString(EXAMPLE.resolve("pom.xml"));
        Matcher version = Pattern.compile("<acktr\\.version>([^<]+)</acktr\\.version>").matcher(pom);

        assertThat(version.find()).as("%s/pom.xml defines the property acktr.version", EXAMPLE_ARGUMENT).isTrue();
        assertThat(version.group(1)).as("acktr.version in %s/pom.xml", EXAMPLE_ARGUMENT).isEqualTo(acktrVersion());
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

        Result r = run(command, Files.createDirectories(work.resolve("plain-class-path")), ACKTR_TIMEOUT);

        assertThat(r.exitCode()).as(r.both()).isZero();
        assertThat(r.out()).contains("GridWalk-v0", "org.example.gridwalk.GridWalkProvider");
    }

    private static Result acktr(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(bundleWithPlugin.resolve("bin/acktr").toString());
        command.addAll(List.of(args));
        return run(command, bundleWithPlugin, ACKTR_TIMEOUT);
    }

    private static Result run(List<String> command, Path directory, Duration timeout) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("ACKTR_JAVA_OPTS", "-Xmx1g");
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeout.toMinutes() + " minutes");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String acktrVersion() {
        String version = System.getProperty("acktr.version", "");
        assertThat(version).as("system property acktr.version (set by the failsafe configuration)").isNotBlank();
        return version;
    }

    /** {@code ${maven.home}/bin/mvn} when the property is set, else the first {@code mvn} on {@code PATH}. */
    private static Path mavenExecutable() {
        String mavenHome = System.getProperty("maven.home", "");
        Optional<Path> fromHome = mavenHome.isBlank() ? Optional.empty()
                : Optional.of(Path.of(mavenHome, "bin", "mvn")).filter(Files::isExecutable);
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        Optional<Path> fromPath = Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "mvn")).filter(Files::isExecutable).findFirst();
        return fromHome.or(() -> fromPath).orElseThrow(() -> new AssertionError(
                "Maven is needed to build " + EXAMPLE_ARGUMENT + ", but neither maven.home (\"" + mavenHome
                        + "\") nor PATH (\"" + path + "\") holds an executable mvn"));
    }

    /** Copies a directory tree with file attributes (so scripts stay executable), skipping {@code target/}. */
    private static void copyTree(Path from, Path to) throws IOException {
        assertThat(from).as("directory to copy").isDirectory();
        try (Stream<Path> paths = Files.walk(from)) {
            paths.filter(p -> !from.relativize(p).startsWith("target")).forEach(source -> {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
