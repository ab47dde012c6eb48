package io.acktr.runtime.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.acktr.runtime.bootstrap.GuicePluginLookup;
import io.acktr.runtime.plugins.PluginLookup;
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
    void theTableAggregatesSeedsAndComparesWithTheBaseline() {
        SuiteReport report = new SuiteReport(tiny());
        List<RunResult> results = List.of(
                new RunResult("cartpole", "kfac", 1, 100, OptionalLong.of(40), 10, 4.0, 1, 0, "a"),
                new RunResult("cartpole", "kfac", 2, 100, OptionalLong.of(60), 20, 6.0, 1, 0, "b"),
                new RunResult("cartpole", "a2c", 1, 100, OptionalLong.of(100), 5, 2.0, 1, 0, "c"),
                new RunResult("cartpole", "a2c", 2, 100, OptionalLong.empty(), 3, 2.0, 1, 0, "d"));
        List<SuiteReport.Row> rows = report.rows(results);
        SuiteReport.Row kfac = rows.get(0);
        assertThat(kfac.reached()).isEqualTo(2);
        assertThat(kfac.stepsMean().getAsDouble()).isEqualTo(50);
        assertThat(kfac.stepsSd()).isCloseTo(Math.sqrt(200), within(1e-12));
        assertThat(kfac.finalMean()).isEqualTo(15);
        assertThat(kfac.updateRelative().getAsDouble()).isEqualTo(2.5);
        // the baseline did not reach the threshold on every seed: no steps ratio is claimed
        assertThat(kfac.stepsRelative()).isEmpty();
        assertThat(rows.get(1).reached()).isEqualTo(1);
        assertThat(report.markdown(results)).contains("| 1/2 |").contains("50 ± 14");
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
        SuiteReport.Row kfac = report.rows(results).get(0);
        assertThat(kfac.stepsRelative()).isEmpty();
        assertThat(kfac.stepsRelativeBelow().getAsDouble()).isEqualTo(0.5); // mean 400 over the shortest run, 800
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
            assertThat(suite.seeds()).containsExactly(1L, 2L, 3L);
        }
    }
}
