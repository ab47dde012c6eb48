package io.acktr.runtime.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.ConfigException;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.acktr.runtime.bootstrap.GuicePluginLookup;
import io.acktr.runtime.plugins.PluginLookup;
import io.acktr.runtime.statistics.Interval;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteTest {
    private static final ClassLoader LOADER = SuiteTest.class.getClassLoader();
    private static final PluginLookup PLUGINS = new GuicePluginLookup(LOADER);

    private static final String TINY = """
            suite {
              name = tiny
              seeds = [1, 2]
              baseline = a2c
              tasks = [
                { name = cartpole, env = "CartPole-v1", total-steps = 6400, threshold = 5,
                  settings { acktr.env.count = 8 } }
              ]
              variants = [
                { name = kfac, settings { acktr.curvature.type = kfac },
                  per-task { cartpole { acktr.algorithm.entropy-coefficient = 0.0 } } }
                { name = a2c, settings { acktr { curvature.type = identity, step-size.type = rmsprop } } }
              ]
            }
            """;

    private static SuiteDefinition tiny() {
        return SuiteDefinition.from(ConfigFactory.parseString(TINY).resolve());
    }

    @Test
    void aSuiteRunsEveryTaskVariantAndSeedAndWritesTheTableAndJson(@TempDir Path dir) throws Exception {
        List<RunResult> results = new SuiteRunner(tiny(), LOADER, List.of(), PLUGINS).run(dir, null);
        assertThat(results).extracting(r -> r.variant() + "/" + r.seed())
                .containsExactly("kfac/1", "kfac/2", "a2c/1", "a2c/2");
        // a random CartPole policy lasts ~22 steps: 100 episodes fit, and a threshold of 5 is reached
        assertThat(results).allSatisfy(r -> {
            assertThat(r.stepsToThreshold()).isPresent();
            assertThat(r.envSteps()).isEqualTo(6400);
            assertThat(r.meanUpdateMillis()).isPositive();
            assertThat(Path.of(r.runDirectory()).resolve("progress.csv")).exists();
        });
        String md = Files.readString(dir.resolve("results.md"));
        assertThat(md).contains("| CartPole-v1 (5, 6400 steps) | kfac | 2/2 |").contains("| a2c | 2/2 |").contains("1.00x");
        // the pictures sit next to results.md, which embeds them
        assertThat(md).contains("![CartPole-v1 learning curves](curves-cartpole.png)")
                .contains("(across-tasks-iqm.png)").contains("(performance-profile.png)").doesNotContain("could not be drawn");
        // K-FAC's trust region predicts the KL of its steps, RMSProp predicts none
        assertThat(md).contains("### Step diagnostics").containsPattern("\\| CartPole-v1 \\| kfac \\| 2 \\| 80 \\| [0-9.e-]+ \\[")
                .doesNotContain("| CartPole-v1 | a2c | 2 |");
        for (String picture : List.of("curves-cartpole.png", "across-tasks-iqm.png", "performance-profile.png")) {
            assertThat(Files.size(dir.resolve(picture))).as(picture).isPositive();
        }
        JsonObject json = new JsonObject(Files.readString(dir.resolve("results.json")));
        assertThat(json.getString("baseline")).isEqualTo("a2c");
        assertThat(json.getJsonArray("runs")).hasSize(4);
        assertThat(json.getJsonArray("rows").getJsonObject(1).getDouble("updateTimeVsBaseline")).isEqualTo(1.0);
    }

    @Test
    void resultsOfSeveralDirectoriesMergeIntoOneTable(@TempDir Path dir) throws Exception {
        SuiteReport report = new SuiteReport(tiny());
        report.write(dir.resolve("a"), List.of(new RunResult("cartpole", "kfac", 1, 100, OptionalLong.of(40), 10, 4.0, 1, 0, "a")));
        report.write(dir.resolve("b"), List.of(new RunResult("cartpole", "a2c", 1, 100, OptionalLong.empty(), 5, 2.0, 1, 0, "b")));
        List<RunResult> merged = SuiteReport.readRuns(List.of(dir.resolve("a"), dir.resolve("b")));
        assertThat(merged).hasSize(2);
        assertThat(merged.get(0).stepsToThreshold()).hasValue(40);
        assertThat(merged.get(1).stepsToThreshold()).isEmpty();
        assertThat(report.rows(merged).get(0).updateRelative().getAsDouble()).isEqualTo(2.0);
        assertThatThrownBy(() -> SuiteReport.readRuns(List.of(dir.resolve("missing"))))
                .hasMessageContaining("missing").hasMessageContaining("results.json");
    }

    @Test
    void runsTrainedSideBySideGiveTheSameResultsInTheSameOrder(@TempDir Path dir) {
        SuiteDefinition suite = SuiteDefinition.from(ConfigFactory.parseString(
                TINY.replace("total-steps = 6400", "total-steps = 960")).resolve());
        List<RunResult> one = new SuiteRunner(suite, LOADER, List.of(), PLUGINS).run(dir.resolve("one"), null, 1);
        List<RunResult> two = new SuiteRunner(suite, LOADER, List.of(), PLUGINS).run(dir.resolve("two"), null, 2);
        assertThat(two).extracting(r -> r.variant() + "/" + r.seed()).containsExactly("kfac/1", "kfac/2", "a2c/1", "a2c/2");
        for (int i = 0; i < one.size(); i++) {
            assertThat(two.get(i).finalMeanReturn()).as(one.get(i).variant()).isEqualTo(one.get(i).finalMeanReturn());
        }
    }

    @Test
    void theTableGivesInterquartileMeansWithIntervalsAndTheProbabilityOfImprovement() {
        SuiteReport report = new SuiteReport(tiny());
        List<RunResult> results = List.of(
                new RunResult("cartpole", "kfac", 1, 100, OptionalLong.of(40), 10, 4.0, 1, 0, "a"),
                new RunResult("cartpole", "kfac", 2, 100, OptionalLong.of(60), 20, 6.0, 1, 0, "b"),
                new RunResult("cartpole", "a2c", 1, 100, OptionalLong.of(100), 5, 2.0, 1, 0, "c"),
                new RunResult("cartpole", "a2c", 2, 100, OptionalLong.empty(), 3, 2.0, 1, 0, "d"));
        List<SuiteStatistics.Row> rows = report.rows(results);
        SuiteStatistics.Row kfac = rows.get(0);
        assertThat(kfac.reached()).isEqualTo(2);
        // two runs: each holds half of the middle half; resamples are {40, 40}, {40, 60}, {60, 40}, {60, 60}
        assertThat(kfac.steps()).hasValue(new Interval(50, 40, 60));
        assertThat(kfac.finalReturn()).hasValue(new Interval(15, 10, 20));
        assertThat(kfac.updateRelative().getAsDouble()).isEqualTo(2.5);
        // every kfac run ended above every a2c run, and reached the threshold sooner
        assertThat(kfac.betterThanBaseline().orElseThrow().estimate()).isEqualTo(1);
        assertThat(kfac.fasterThanBaseline().orElseThrow().estimate()).isEqualTo(1);
        // the baseline's run that never reached the threshold is half of its middle half: its IQM is infinite
        assertThat(rows.get(1).steps().orElseThrow().estimate()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(kfac.stepsRelative()).isEmpty();
        assertThat(rows.get(1).reached()).isEqualTo(1);
        assertThat(rows.get(1).betterThanBaseline()).isEmpty();
        assertThat(report.markdown(results)).contains("| 1/2 |").contains("| 50 [40, 60] | 15.0 [10.0, 20.0] | 1.00 [")
                .contains("| ∞ [100, ∞] |");
        JsonObject row = report.json(results).getJsonArray("rows").getJsonObject(1);
        assertThat(row.getJsonObject("stepsToThreshold").getValue("estimate")).isEqualTo("Infinity");
        assertThat(row.getJsonObject("finalMeanReturn").getDouble("estimate")).isEqualTo(4.0);
    }

    private static final String TWO_TASKS = """
            suite {
              seeds = [1, 2]
              baseline = a2c
              tasks = [
                { name = cartpole, env = "CartPole-v1", total-steps = 100, threshold = 475, random-return = 25 }
                { name = pendulum, env = "Pendulum-v1", total-steps = 100, threshold = -200, random-return = -1200 }
                { name = mountaincar, env = "MountainCar-v0", total-steps = 100, threshold = -110 }
              ]
              variants = [ { name = kfac }, { name = a2c } ]
            }
            """;

    private static RunResult ended(String task, String variant, int seed, double finalReturn) {
        return new RunResult(task, variant, seed, 100, OptionalLong.empty(), finalReturn, 1, 1, 0, "r");
    }

    @Test
    void acrossTasksReturnsAreNormalisedBetweenRandomAndTheThresholdAndTasksWeighTheSame() {
        SuiteDefinition suite = SuiteDefinition.from(ConfigFactory.parseString(TWO_TASKS));
        // normalised: kfac cartpole {1, 0.5}, pendulum {1, 0.5}; a2c cartpole {0, 0.5}, pendulum {0, 1}
        List<RunResult> results = List.of(ended("cartpole", "kfac", 1, 475), ended("cartpole", "kfac", 2, 250),
                ended("pendulum", "kfac", 1, -200), ended("pendulum", "kfac", 2, -700),
                ended("cartpole", "a2c", 1, 25), ended("cartpole", "a2c", 2, 250),
                ended("pendulum", "a2c", 1, -1200), ended("pendulum", "a2c", 2, -200),
                ended("mountaincar", "kfac", 1, -150), ended("mountaincar", "a2c", 1, -300));
        List<SuiteStatistics.Aggregate> aggregates = new SuiteStatistics(suite).aggregates(results, new double[] {0.9, 1.0});
        SuiteStatistics.Aggregate kfac = aggregates.get(0);
        SuiteStatistics.Aggregate a2c = aggregates.get(1);
        assertThat(kfac.tasks()).containsExactly("cartpole", "pendulum");
        assertThat(kfac.normalisedFinalReturn().estimate()).isEqualTo(0.75); // middle half of {0.5, 0.5, 1, 1}
        assertThat(a2c.normalisedFinalReturn().estimate()).isEqualTo(0.25); // middle half of {0, 0, 0.5, 1}
        // cartpole: 3.5 of 4 pairs, pendulum: 2.5 of 4
        assertThat(kfac.betterThanBaseline().orElseThrow().estimate()).isEqualTo((3.5 / 4 + 2.5 / 4) / 2);
        assertThat(a2c.betterThanBaseline()).isEmpty();
        // above 0.9: kfac half of each task, a2c none of cartpole and half of pendulum; nothing is above 1
        assertThat(kfac.profile()).extracting(p -> p.fraction().estimate()).containsExactly(0.5, 0.0);
        assertThat(a2c.profile()).extracting(p -> p.fraction().estimate()).containsExactly(0.25, 0.0);
        String md = new SuiteReport(suite).markdown(results);
        assertThat(md).contains("### Across tasks").contains("| kfac | cartpole, pendulum | 0.75 [")
                .contains("no `random-return`: mountaincar.");
    }

    @Test
    void aRandomReturnAtOrAboveTheThresholdIsRefused() {
        assertThatThrownBy(() -> SuiteDefinition.from(ConfigFactory.parseString(TWO_TASKS.replace("random-return = 25",
                "random-return = 500")))).hasMessageContaining("suite.tasks[0].random-return").hasMessageContaining("500");
    }

    /** A CartPole run of {@code envSteps} that reached the threshold after {@code steps} ({@code null}: never). */
    private static RunResult cartpole(String variant, int seed, long envSteps, Long steps) {
        return new RunResult("cartpole", variant, seed, envSteps, steps == null ? OptionalLong.empty() : OptionalLong.of(steps),
                10, 4.0, 1, 0, variant + "-" + seed);
    }

    @Test
    void aBaselineThatNeverReachesTheThresholdBoundsTheRatioByItsShortestRun() {
        SuiteReport report = new SuiteReport(tiny());
        List<RunResult> results = List.of(cartpole("kfac", 1, 1000, 300L), cartpole("kfac", 2, 1000, 500L),
                cartpole("a2c", 1, 1000, null), cartpole("a2c", 2, 800, null));
        SuiteStatistics.Row kfac = report.rows(results).get(0);
        assertThat(kfac.stepsRelative()).isEmpty();
        assertThat(kfac.stepsRelativeBelow().getAsDouble()).isEqualTo(0.5); // IQM 400 over the shortest run, 800
        assertThat(report.markdown(results)).contains("| < 0.50x |");

        List<RunResult> oneSeedShort = List.of(results.get(0), cartpole("kfac", 2, 1000, null), results.get(2),
                results.get(3));
        assertThat(report.rows(oneSeedShort).get(0).stepsRelativeBelow()).isEmpty();
    }

    @Test
    void aVariantsPerTaskSettingsWinOverItsOwnWhichWinOverTheTasks() {
        SuiteDefinition suite = tiny();
        var c = suite.variants().get(0).settingsFor(suite.tasks().get(0));
        assertThat(c.getString("acktr.curvature.type")).isEqualTo("kfac");
        assertThat(c.getInt("acktr.env.count")).isEqualTo(8);
        assertThat(c.getDouble("acktr.algorithm.entropy-coefficient")).isZero();
    }

    @Test
    void mistakesInASuiteNameTheirPath() {
        assertThatThrownBy(() -> SuiteDefinition.from(ConfigFactory.parseString(TINY.replace("baseline = a2c", "baseline = ppo"))))
                .isInstanceOf(ConfigException.BadValue.class).hasMessageContaining("suite.baseline").hasMessageContaining("ppo");
        assertThatThrownBy(() -> SuiteDefinition.from(ConfigFactory.parseString(TINY.replace("per-task { cartpole", "per-task { pong"))))
                .hasMessageContaining("suite.variants[0].per-task.pong");
        assertThatThrownBy(() -> SuiteDefinition.from(ConfigFactory.parseString(TINY.replace("total-steps = 6400", "total-steps = 0"))))
                .hasMessageContaining("suite.tasks[0].total-steps");
    }

    @Test
    void stepDiagnosticsPoolTheKlRatioAndTheDirectionCosineOverUpdatesAndSeeds(@TempDir Path dir) throws Exception {
        Path one = Files.createDirectories(dir.resolve("one"));
        Path two = Files.createDirectories(dir.resolve("two"));
        // ratios 0.5, (none: not measured), 1 and 2, 4; cosines 0.2, 0.6 and 0.4; a2c predicts no KL
        // per group: 0.4, 0.8 and 0.6
        Files.writeString(one.resolve("progress.csv"), "env_steps,kl,predicted_kl,direction_cosine,direction_cosine_per_group\n"
                + "1,0.001,0.002,0.2,0.4\n2,,0.002,,\n3,0.002,0.002,0.6,0.8\n");
        Files.writeString(two.resolve("progress.csv"), "env_steps,kl,predicted_kl,direction_cosine,direction_cosine_per_group\n"
                + "1,0.004,0.002,0.4,0.6\n2,0.008,0.002,,\n");
        Path a2c = Files.createDirectories(dir.resolve("a2c"));
        Files.writeString(a2c.resolve("progress.csv"), "env_steps,kl,predicted_kl,direction_cosine\n1,0.001,,0.1\n2,0.001,,\n");
        List<RunResult> results = List.of(
                new RunResult("cartpole", "kfac", 1, 100, OptionalLong.empty(), 1, 1, 1, 0, one.toString()),
                new RunResult("cartpole", "kfac", 2, 100, OptionalLong.empty(), 1, 1, 1, 0, two.toString()),
                new RunResult("cartpole", "a2c", 1, 100, OptionalLong.empty(), 1, 1, 1, 0, a2c.toString()));
        List<StepDiagnostics.Row> rows = StepDiagnostics.rows(tiny(), results);
        assertThat(rows).extracting(StepDiagnostics.Row::variant).containsExactly("kfac", "a2c");
        StepDiagnostics.Row kfac = rows.get(0);
        assertThat(kfac.runs()).isEqualTo(2);
        StepDiagnostics.Spread ratio = kfac.klRatio().orElseThrow();
        assertThat(ratio.count()).isEqualTo(4);
        // sorted {0.5, 1, 2, 4}: quartile positions 0.75, 1.5, 2.25
        assertThat(ratio.median()).isCloseTo(1.5, within(1e-12));
        assertThat(ratio.lowerQuartile()).isCloseTo(0.875, within(1e-12));
        assertThat(ratio.upperQuartile()).isCloseTo(2.5, within(1e-12));
        StepDiagnostics.Spread cosine = kfac.directionCosine().orElseThrow();
        assertThat(cosine.count()).isEqualTo(3);
        // sorted {0.2, 0.4, 0.6}: quartile positions 0.5, 1, 1.5
        assertThat(cosine.median()).isCloseTo(0.4, within(1e-12));
        assertThat(cosine.lowerQuartile()).isCloseTo(0.3, within(1e-12));
        assertThat(cosine.upperQuartile()).isCloseTo(0.5, within(1e-12));
        assertThat(kfac.directionCosinePerGroup().orElseThrow().median()).isCloseTo(0.6, within(1e-12));
        assertThat(rows.get(1).klRatio()).isEmpty();
        assertThat(rows.get(1).directionCosinePerGroup()).isEmpty();
        assertThat(rows.get(1).directionCosine().orElseThrow().count()).isEqualTo(1);

        new SuiteReport(tiny()).write(dir, results);
        assertThat(Files.readString(dir.resolve("results.md"))).contains("### Step diagnostics").contains("Direction cosine")
                .contains("| CartPole-v1 | kfac | 2 | 4 | 1.50 [0.875, 2.50] | 3 | 0.400 [0.300, 0.500] | 0.600 [0.500, 0.700] |")
                .contains("| CartPole-v1 | a2c | 1 | — | — | 1 | 0.100 [0.100, 0.100] | — |");
        JsonObject json = new JsonObject(Files.readString(dir.resolve("results.json")));
        JsonObject first = json.getJsonArray("stepDiagnostics").getJsonObject(0);
        assertThat(first.getDouble("klRatioMedian")).isCloseTo(1.5, within(1e-12));
        assertThat(first.getDouble("directionCosineMedian")).isCloseTo(0.4, within(1e-12));
        assertThat(first.getLong("directionCosineUpdates")).isEqualTo(3);
        assertThat(first.getDouble("directionCosinePerGroupMedian")).isCloseTo(0.6, within(1e-12));
        assertThat(json.getJsonArray("stepDiagnostics").getJsonObject(1).containsKey("klRatioMedian")).isFalse();
    }

    @Test
    void seedsGivenAsNumbersAndRangesReplaceTheSuitesInOrderWithoutRepeats() {
        assertThat(tiny().withSeeds(List.of("5-7", "1", "6")).seeds()).containsExactly(5L, 6L, 7L, 1L);
        assertThatThrownBy(() -> tiny().withSeeds(List.of("x"))).hasMessageContaining("--seeds").hasMessageContaining("\"x\"");
        assertThatThrownBy(() -> tiny().withSeeds(List.of("1-2-3"))).hasMessageContaining("\"1-2-3\"");
    }

    @Test
    void tablesWithoutPicturesLeaveNoPictureBehind(@TempDir Path dir) throws Exception {
        new SuiteReport(tiny()).write(dir, List.of(cartpole("kfac", 1, 1000, 300L), cartpole("a2c", 1, 1000, 500L)), false);
        assertThat(Files.readString(dir.resolve("results.md"))).contains("| kfac | 1/1 |").doesNotContain(".png");
        assertThat(dir.resolve("across-tasks-iqm.png")).doesNotExist();
    }

    @Test
    void aSuiteCanBeRestrictedToSomeTasksAndVariants() {
        SuiteDefinition only = tiny().only(List.of("cartpole"), List.of("kfac"));
        assertThat(only.variants()).extracting(SuiteDefinition.Variant::name).containsExactly("kfac");
        assertThat(only.baseline()).isEqualTo("a2c");
        assertThatThrownBy(() -> tiny().only(List.of("pong"), List.of())).hasMessageContaining("--tasks").hasMessageContaining("pong");
        assertThatThrownBy(() -> tiny().only(List.of(), List.of("trpo"))).hasMessageContaining("--variants")
                .hasMessageContaining("kfac, a2c");
    }

    @Test
    void aBadSettingInOneRunFailsTheSuiteBeforeAnyRunStarts(@TempDir Path dir) {
        SuiteDefinition suite = SuiteDefinition.from(ConfigFactory.parseString(
                TINY.replace("step-size.type = rmsprop", "step-size.type = rmsprop, step-size.rmsprop.decay = 7")).resolve());
        SuiteRunner runner = new SuiteRunner(suite, LOADER, List.of(), PLUGINS);
        assertThatThrownBy(() -> runner.run(dir, null)).hasMessageContaining("acktr.step-size.rmsprop.decay");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void theBuiltInSuitesAreValid() {
        for (String resource : List.of("io/acktr/runtime/suites/ablation.conf", "io/acktr/runtime/suites/sample-efficiency.conf")) {
            SuiteDefinition suite = SuiteDefinition.from(ConfigFactory.parseResources(LOADER, resource).resolve());
            new SuiteRunner(suite, LOADER, List.of(), PLUGINS).resolveAll(Path.of("unused"));
            assertThat(suite.seeds()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        }
        // the ablation measures every variant's direction cosine on every task
        SuiteDefinition ablation = SuiteDefinition.from(ConfigFactory.parseResources(LOADER, "io/acktr/runtime/suites/ablation.conf")
                .resolve());
        for (SuiteDefinition.Task task : ablation.tasks()) {
            for (SuiteDefinition.Variant variant : ablation.variants()) {
                assertThat(variant.settingsFor(task).getInt("acktr.diagnostics.direction-cosine.interval"))
                        .as(task.name() + "/" + variant.name()).isEqualTo(250);
            }
        }
        // on Pendulum the natural-gradient variants make steps of one true KL, so they differ in direction only
        SuiteDefinition.Task pendulum = ablation.tasks().stream().filter(t -> t.name().equals("pendulum")).findFirst().orElseThrow();
        for (SuiteDefinition.Variant variant : ablation.variants()) {
            Config settings = variant.settingsFor(pendulum);
            String rule = settings.getString("acktr.step-size.type");
            if (rule.equals("trust-region")) {
                assertThat(settings.getString("acktr.step-size.trust-region.quadratic-form")).as(variant.name()).isEqualTo("exact");
                assertThat(settings.getDouble("acktr.step-size.trust-region.kl-radius")).as(variant.name()).isEqualTo(0.02);
                assertThat(settings.getDouble("acktr.step-size.trust-region.momentum")).as(variant.name()).isEqualTo(0.0);
            } else if (rule.equals("line-search")) {
                assertThat(settings.getDouble("acktr.step-size.line-search.kl-radius")).as(variant.name()).isEqualTo(0.02);
            } else {
                assertThat(variant.name()).isEqualTo("a2c");
            }
        }
    }
}
