package io.acktr.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.runtime.bootstrap.GuicePluginLookup;
import io.acktr.runtime.learner.TrainingSummary;
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

/**
 * Short learning checks that catch a broken update: a uniformly random CartPole policy averages
 * about 22. The full runs (100,000 steps, seeds 1-10) are in the README and docs/tuning, not here.
 */
class CartPoleLearningTest {
    private static final ClassLoader LOADER = CartPoleLearningTest.class.getClassLoader();
    private static final PluginLookup PLUGINS = new GuicePluginLookup(LOADER);

    private static TrainingSummary train(Path dir, String... overrides) {
        List<String> all = new ArrayList<>(List.of("acktr.run-dir=\"" + dir + "\"", "acktr.total-steps=20000"));
        all.addAll(List.of(overrides));
        return new TrainingSession(ConfigLoader.load(LOADER, Optional.empty(), all), LOADER, PLUGINS)
                .train(null, OptionalDouble.empty(), List.of());
    }

    @Test
    void theDefaultAcktrRunFourTimesTheRandomReturnWithinTwentyThousandSteps(@TempDir Path dir) {
        // One seed's return at 20,000 steps is a draw: over seeds 1-30 (commit 408d5c5) it ranged from 9.44
        // (seed 26, nearly deterministic early) to 176.86, above 90 on 27 of 30; seeds 1-3 gave 58.80,
        // 159.69 and 129.95. The median of three seeds is what a broken update cannot reach.
        double[] returns = new double[3];
        for (int seed = 1; seed <= 3; seed++) {
            TrainingSummary summary = train(dir.resolve("acktr-" + seed), "acktr.seed=" + seed);
            assertThat(summary.skippedUpdates()).as("seed %d", seed).isZero();
            returns[seed - 1] = summary.finalMeanReturn();
        }
        Arrays.sort(returns);
        assertThat(returns[1]).as("median over seeds 1-3 of %s", Arrays.toString(returns)).isGreaterThan(90);
    }

    @Test
    void theA2cBaselineLearnsWithinTwentyThousandSteps(@TempDir Path dir) {
        TrainingSummary summary = train(dir.resolve("a2c"), "acktr.curvature.type=identity", "acktr.step-size.type=rmsprop",
                "acktr.algorithm.entropy-coefficient=0.01");
        assertThat(summary.finalMeanReturn()).isGreaterThan(80);
    }
}
