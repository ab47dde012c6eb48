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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the end-to-end tests of the example plugins share: building an example project with Maven as
 * a third party would, a copy of the bundle with the built jars in its {@code plugins/}, and
 * running that copy's {@code bin/acktr}. The real bundle is left untouched: a copy has its own
 * {@code bin/}, {@code conf/} and {@code plugins/} and links to the real {@code lib/}.
 */
final class ExamplePluginBuild {
    static final Path BUNDLE = Path.of(System.getProperty("acktr.bundle", "target/acktr"));
    /** {@code examples/acktr-plugin-example}; the other examples are its siblings. */
    static final Path ENVIRONMENT_EXAMPLE =
            Path.of(System.getProperty("acktr.plugin-example", "../examples/acktr-plugin-example"));
    static final Path EXAMPLES = ENVIRONMENT_EXAMPLE.toAbsolutePath().normalize().getParent();
    private static final Duration MAVEN_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration ACKTR_TIMEOUT = Duration.ofMinutes(5);

    record Result(int exitCode, String out, String err) {
        String both() {
            return "stdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    private ExamplePluginBuild() {
    }

    /**
     * Copies {@code example} into {@code work} and runs {@code mvn package} on the copy (its tests
     * included), against the acktr version of this build; returns the one jar it built.
     */
    static Path buildJar(Path example, Path work) throws IOException, InterruptedException {
        String name = example.toAbsolutePath().normalize().getFileName().toString();
        Path project = work.resolve(name);
        copyTree(example, project);
        // Not offline: the example resolves acktr-api's own dependency versions (ND4J's), which this
        // build, managing them, may not have downloaded yet; Maven Central is reachable where we test.
        List<String> command = new ArrayList<>(List.of(mavenExecutable(name).toString(), "-B", "-q",
                "-f", project.resolve("pom.xml").toString(), "package", "-Dacktr.version=" + acktrVersion()));
        String localRepository = System.getProperty("maven.repo.local", "");
        if (!localRepository.isBlank()) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        Result build = run(command, project, MAVEN_TIMEOUT, work);
        assertThat(build.exitCode()).as("mvn package of examples/%s failed:%n%s", name, build.both()).isZero();
        try (Stream<Path> built = Files.list(project.resolve("target"))) {
            List<Path> jars = built.filter(p -> p.getFileName().toString().endsWith(".jar")).toList();
            assertThat(jars).as("jars built by examples/%s", name).hasSize(1);
            return jars.get(0);
        }
    }

    /** A copy of the bundle in {@code directory} whose {@code plugins/} also holds {@code jars}. */
    static Path bundleWith(Path directory, List<Path> jars) throws IOException {
        copyTree(BUNDLE.resolve("bin"), directory.resolve("bin"));
        copyTree(BUNDLE.resolve("conf"), directory.resolve("conf"));
        copyTree(BUNDLE.resolve("plugins"), directory.resolve("plugins"));
        Files.createSymbolicLink(directory.resolve("lib"), BUNDLE.resolve("lib").toAbsolutePath());
        for (Path jar : jars) {
            Files.copy(jar, directory.resolve("plugins").resolve(jar.getFileName()));
        }
        return directory;
    }

    /** {@code bin/acktr args} of {@code bundle}, run in {@code bundle}. */
    static Result acktr(Path bundle, Path work, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(bundle.resolve("bin/acktr").toString());
        command.addAll(List.of(args));
        return run(command, bundle, ACKTR_TIMEOUT, work);
    }

    /** Runs {@code command} in {@code directory} with a 1 GB heap, its output captured in files under {@code work}. */
    static Result run(List<String> command, Path directory, Duration timeout, Path work) throws IOException, InterruptedException {
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

    static Result run(List<String> command, Path directory, Path work) throws IOException, InterruptedException {
        return run(command, directory, ACKTR_TIMEOUT, work);
    }

    /** The value of the property {@code acktr.version} in an example's pom. */
    static String acktrVersionOf(Path example) throws IOException {
        String pom = Files.readString(example.resolve("pom.xml"));
        Matcher version = Pattern.compile("<acktr\\.version>([^<]+)</acktr\\.version>").matcher(pom);
        assertThat(version.find()).as("%s/pom.xml defines the property acktr.version", example).isTrue();
        return version.group(1);
    }

    static String acktrVersion() {
        String version = System.getProperty("acktr.version", "");
        assertThat(version).as("system property acktr.version (set by the failsafe configuration)").isNotBlank();
        return version;
    }

    /** {@code ${maven.home}/bin/mvn} when the property is set, else the first {@code mvn} on {@code PATH}. */
    private static Path mavenExecutable(String example) {
        String mavenHome = System.getProperty("maven.home", "");
        Optional<Path> fromHome = mavenHome.isBlank() ? Optional.empty()
                : Optional.of(Path.of(mavenHome, "bin", "mvn")).filter(Files::isExecutable);
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        Optional<Path> fromPath = Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "mvn")).filter(Files::isExecutable).findFirst();
        return fromHome.or(() -> fromPath).orElseThrow(() -> new AssertionError(
                "Maven is needed to build examples/" + example + ", but neither maven.home (\"" + mavenHome
                        + "\") nor PATH (\"" + path + "\") holds an executable mvn"));
    }

    /** Copies a directory tree with file attributes (so scripts stay executable), skipping {@code target/}. */
    static void copyTree(Path from, Path to) throws IOException {
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
