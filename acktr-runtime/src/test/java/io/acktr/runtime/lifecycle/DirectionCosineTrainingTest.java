package io.acktr.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import io.acktr.runtime.bootstrap.GuicePluginLookup;
import io.acktr.runtime.plot.ProgressCsv;
import io.acktr.runtime.plugins.PluginLookup;
import io.acktr.runtime.settings.ConfigLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The direction-cosine diagnostic in whole runs: what it writes, and that it changes nothing else. */
class DirectionCosineTrainingTest {
    private static final ClassLoader LOADER = DirectionCosineTrainingTest.class.getClassLoader();
    private static final PluginLookup PLUGINS = new GuicePluginLookup(LOADER);

    private static Path train(Path runDir, String... overrides) {
        List<String> all = new ArrayList<>(List.of("acktr.run-dir=\"" + runDir + "\"", "acktr.total-steps=1280",
                "acktr.env.count=4"));
        all.addAll(List.of(overrides));
        Config config = ConfigLoader.load(LOADER, Optional.empty(), all);
        new TrainingSession(config, LOADER, PLUGINS).train(null, OptionalDouble.empty(), List.of());
        return runDir;
    }

    /** The untimed progress.csv without its direction-cosine columns. */
    private static List<String> withoutCosine(Path runDir) throws Exception {
        List<String> lines = UntimedProgress.of(runDir);
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        int column = header.indexOf("direction_cosine");
        assertThat(column).isNotNegative();
        assertThat(header.indexOf("direction_cosine_per_group")).isEqualTo(column + 1);
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
            cells.subList(column, column + 2).clear();
            kept.add(String.join(",", cells));
        }
        return kept;
    }

    private static double[] cosines(Path runDir) {
        return ProgressCsv.read(runDir).column("direction_cosine");
    }

    private static double[] perGroup(Path runDir) {
        return ProgressCsv.read(runDir).column("direction_cosine_per_group");
    }

    @Test
    void measuringTheCosineChangesNothingElseOfTheRun(@TempDir Path dir) throws Exception {
        // the default run: K-FAC, whose Fisher pass draws its targets from the update's random stream, and a
        // trust region with momentum: a drawn number or a touched state would change every later row
        Path off = train(dir.resolve("off"));
        Path on = train(dir.resolve("on"), "acktr.diagnostics.direction-cosine.interval=3");

        assertThat(withoutCosine(on)).isEqualTo(withoutCosine(off));
        double[] measured = cosines(on);
        double[] perGroup = perGroup(on);
        assertThat(measured).hasSize(16);
        for (int i = 0; i < measured.length; i++) {
            if ((i + 1) % 3 == 0) {
                assertThat(measured[i]).as("update " + (i + 1)).isBetween(-1.0, 1.0);
                assertThat(perGroup[i]).as("update " + (i + 1)).isBetween(-1.0, 1.0);
            } else {
                assertThat(measured[i]).as("update " + (i + 1)).isNaN();
                assertThat(perGroup[i]).as("update " + (i + 1)).isNaN();
            }
        }
        assertThat(cosines(off)).containsOnly(Double.NaN);
        assertThat(perGroup(off)).containsOnly(Double.NaN);
    }

    @Test
    void theExactSolverWithTheSameDampingReadsOneAndTheSampledFisherAndTheGradientLess(@TempDir Path dir) {
        String[] tiny = {"acktr.total-steps=640", "acktr.policy.mlp.hidden-sizes=[8]", "acktr.policy.mlp.dtype=double",
                "acktr.diagnostics.direction-cosine.interval=2", "acktr.diagnostics.direction-cosine.tolerance=1e-9"};
        Path cgRun = train(dir.resolve("cg"), concat(tiny, "acktr.curvature.type=cg-fisher",
                "acktr.curvature.cg-fisher.max-iterations=200", "acktr.curvature.cg-fisher.tolerance=1e-9"));
        double[] cg = cosines(cgRun);
        assertThat(Arrays.stream(perGroup(cgRun)).filter(Double::isFinite)).hasSize(4)
                .allSatisfy(c -> assertThat(c).isGreaterThan(1 - 1e-6));
        double[] explicit = cosines(train(dir.resolve("explicit"), concat(tiny, "acktr.curvature.type=explicit")));
        double[] identity = cosines(train(dir.resolve("identity"), concat(tiny, "acktr.curvature.type=identity",
                "acktr.step-size.type=rmsprop")));

        // cg-fisher solves the reference's own system; explicit forms the Fisher of targets drawn once per state, a
        // Monte Carlo estimate of the exact one (0.93 to 0.998 here); with damping 0.01 against this tiny network's
        // small Fisher, even the plain gradient points within a few degrees of the natural one (0.97 to 0.996)
        assertThat(Arrays.stream(cg).filter(Double::isFinite)).hasSize(4).allSatisfy(c -> assertThat(c).isGreaterThan(1 - 1e-6));
        assertThat(Arrays.stream(explicit).filter(Double::isFinite)).hasSize(4).allSatisfy(c -> assertThat(c).isLessThan(1 - 1e-6));
        assertThat(Arrays.stream(identity).filter(Double::isFinite)).hasSize(4).allSatisfy(c -> assertThat(c).isLessThan(0.999));
    }

    private static String[] concat(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
