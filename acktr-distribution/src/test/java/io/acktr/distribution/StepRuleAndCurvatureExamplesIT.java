package io.acktr.distribution;

import static io.acktr.distribution.ExamplePluginBuild.EXAMPLES;
import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.distribution.ExamplePluginBuild.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds {@code examples/acktr-step-rule-example} ({@code kl-clipped}) and
 * {@code examples/acktr-curvature-example} ({@code layer-scalar}) with Maven as a third party
 * would, drops both jars into the {@code plugins/} folder of a copy of the bundle and selects each
 * from the configuration of a short CartPole-v1 run ({@link ExamplePluginBuild}).
 */
class StepRuleAndCurvatureExamplesIT {
    private static final Path STEP_RULE_EXAMPLE = EXAMPLES.resolve("acktr-step-rule-example");
    private static final Path CURVATURE_EXAMPLE = EXAMPLES.resolve("acktr-curvature-example");
    /** 20 updates of the default run's 8 environments x 20 steps. */
    private static final int STEPS = 3200;
    private static final int UPDATES = 20;
    private static final List<String> FINITE_EVERY_UPDATE =
            List.of("env_steps", "entropy", "value_loss", "step_size", "policy_loss", "predicted_kl");
    /** The default run measures a step's KL every 10th update (acktr.algorithm.measure-step-interval). */
    private static final int KL_INTERVAL = 10;

    @TempDir
    static Path work;
    private static Path stepRuleJar;
    private static Path curvatureJar;
    private static Path bundle;

    @BeforeAll
    static void buildBothExamplesAndABundleCopyHoldingThem() throws Exception {
        stepRuleJar = ExamplePluginBuild.buildJar(STEP_RULE_EXAMPLE, work);
        curvatureJar = ExamplePluginBuild.buildJar(CURVATURE_EXAMPLE, work);
        bundle = ExamplePluginBuild.bundleWith(work.resolve("bundle"), List.of(stepRuleJar, curvatureJar));
    }

    @Test
    void theExamplesAreBuiltAgainstTheCurrentAcktrVersion() throws IOException {
        for (Path example : List.of(STEP_RULE_EXAMPLE, CURVATURE_EXAMPLE)) {
            assertThat(ExamplePluginBuild.acktrVersionOf(example)).as("acktr.version in %s/pom.xml", example.getFileName())
                    .isEqualTo(ExamplePluginBuild.acktrVersion());
        }
    }

    @Test
    void eachJarHoldsItsClassesSettingsAndServicesFileButNotTheApi() throws IOException {
        assertJarHolds(stepRuleJar, "org/example/steprule/KlClippedStepRule.class", "org/example/steprule/KlClippedPlugin.class");
        assertJarHolds(curvatureJar, "org/example/curvature/LayerScalarFisherEstimator.class",
                "org/example/curvature/LayerScalarPlugin.class");
    }

    @Test
    void pluginsListsEachNameWithTheJarThatProvidesIt() throws Exception {
        Result r = acktr("plugins");

        assertThat(r.exitCode()).as(r.both()).isZero();
        assertThat(r.out())
                .containsPattern("(?m)^acktr\\.curvature\\.type: .*layer-scalar")
                .containsPattern("(?m)^  layer-scalar +" + Pattern.quote(curvatureJar.getFileName().toString()) + "$")
                .containsPattern("(?m)^acktr\\.step-size\\.type: .*kl-clipped")
                .containsPattern("(?m)^  kl-clipped +" + Pattern.quote(stepRuleJar.getFileName().toString()) + "$")
                .doesNotContain("skipped");
    }

    @Test
    void trainRunsCartPoleWithTheThirdPartyStepRule() throws Exception {
        Path runDirectory = train("kl-clipped", "--set", "acktr.step-size.type=kl-clipped");

        assertThat(Files.readString(runDirectory.resolve("config.conf"))).contains("kl-clipped");
    }

    @Test
    void trainRunsCartPoleWithTheThirdPartyCurvatureEstimator() throws Exception {
        Path runDirectory = train("layer-scalar", "--set", "acktr.curvature.type=layer-scalar");

        assertThat(Files.readString(runDirectory.resolve("config.conf"))).contains("layer-scalar");
    }

    @Test
    void aBadValueOfTheStepRulesSettingsExitsWithCodeTwoNamingItsPath() throws Exception {
        Result r = acktr("train", "--set", "acktr.step-size.type=kl-clipped",
                "--set", "acktr.step-size.kl-clipped.max-correction=0.5", "--set", "acktr.run-dir=bad-step-rule", "-q");

        assertThat(r.exitCode()).as(r.both()).isEqualTo(2);
        assertThat(r.err()).contains("'acktr.step-size.kl-clipped.max-correction': 0.5: must be a finite number >= 1");
        assertThat(bundle.resolve("bad-step-rule")).doesNotExist();
    }

    @Test
    void aBadValueOfTheEstimatorsSettingsExitsWithCodeTwoNamingItsPath() throws Exception {
        Result r = acktr("train", "--set", "acktr.curvature.type=layer-scalar",
                "--set", "acktr.curvature.layer-scalar.fisher=exact", "--set", "acktr.run-dir=bad-curvature", "-q");

        assertThat(r.exitCode()).as(r.both()).isEqualTo(2);
        assertThat(r.err()).contains("'acktr.curvature.layer-scalar.fisher': \"exact\": must be one of sampled, empirical");
        assertThat(bundle.resolve("bad-curvature")).doesNotExist();
    }

    /** Every registration's settings are read at start-up, so a bad one stops runs that select something else too. */
    @Test
    void aBadValueOfAPluginsSettingsStopsARunThatDoesNotSelectIt() throws Exception {
        Result r = acktr("train", "--set", "acktr.curvature.layer-scalar.damping=-1", "--set", "acktr.run-dir=unselected", "-q");

        assertThat(r.exitCode()).as(r.both()).isEqualTo(2);
        assertThat(r.err()).contains("'acktr.curvature.layer-scalar.damping': -1.0: must be > 0");
    }

    /** Trains CartPole-v1 (the default run) for {@value #STEPS} steps and checks {@code progress.csv}. */
    private static Path train(String runName, String... selection) throws Exception {
        String[] args = new String[selection.length + 6];
        System.arraycopy(new String[] {"train", "--set", "acktr.total-steps=" + STEPS, "--set", "acktr.run-dir=" + runName, "-q"},
                0, args, 0, 6);
        System.arraycopy(selection, 0, args, 6, selection.length);
        long start = System.nanoTime();

        Result r = acktr(args);

        assertThat(r.exitCode()).as(r.both()).isZero();
        Matcher done = Pattern.compile("done: " + STEPS + " env steps, " + UPDATES + " updates").matcher(r.out());
        assertThat(done.find()).as(r.both()).isTrue();
        System.out.printf("%s: %d steps in %.1f s%n", runName, STEPS, (System.nanoTime() - start) / 1e9);
        Path runDirectory = bundle.resolve(runName);
        assertFiniteProgress(Files.readAllLines(runDirectory.resolve("progress.csv")));
        return runDirectory;
    }

    private static void assertFiniteProgress(List<String> lines) {
        assertThat(lines).as("progress.csv: a header and a line per update").hasSize(UPDATES + 1);
        List<String> header = List.of(lines.get(0).split(","));
        assertThat(header).containsAll(FINITE_EVERY_UPDATE).contains("mean_return");
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = Arrays.asList(line.split(",", -1));
            for (String column : FINITE_EVERY_UPDATE) {
                String cell = cells.get(header.indexOf(column));
                assertThat(cell).as("%s in progress.csv line %s", column, line).isNotBlank();
                assertThat(Double.parseDouble(cell)).as("%s in progress.csv line %s", column, line).isFinite();
            }
            String kl = cells.get(header.indexOf("kl"));
            if (Long.parseLong(cells.get(header.indexOf("updates"))) % KL_INTERVAL == 0) {
                assertThat(kl).as("kl of a measured update, progress.csv line %s", line).isNotBlank();
                assertThat(Double.parseDouble(kl)).as("kl in progress.csv line %s", line).isFinite();
            } else {
                assertThat(kl).as("kl between two measurements, progress.csv line %s", line).isEmpty();
            }
        }
        String last = lines.get(lines.size() - 1);
        assertThat(Double.parseDouble(last.split(",", -1)[header.indexOf("mean_return")])).as("mean return at the end: %s", last)
                .isFinite().isPositive();
        assertThat(Double.parseDouble(last.split(",", -1)[header.indexOf("step_size")])).as("step size at the end: %s", last)
                .isPositive();
    }

    private static void assertJarHolds(Path jar, String... classes) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> entries = file.stream().map(e -> e.getName()).toList();

            assertThat(entries).as("entries of %s", jar.getFileName()).contains(classes)
                    .contains("reference.conf", "META-INF/services/io.acktr.api.AcktrPlugin")
                    .noneMatch(name -> name.startsWith("io/acktr/"));
        }
    }

    private static Result acktr(String... args) throws IOException, InterruptedException {
        return ExamplePluginBuild.acktr(bundle, work, args);
    }
}
