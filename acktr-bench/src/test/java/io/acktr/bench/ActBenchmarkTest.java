package io.acktr.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

class ActBenchmarkTest {
    private static ActBenchmark setUp(Preset preset, int observations) {
        return setUp(preset, observations, "forward");
    }

    private static ActBenchmark setUp(Preset preset, int observations, String path) {
        ActBenchmark benchmark = new ActBenchmark();
        benchmark.preset = preset.id();
        benchmark.observations = observations;
        benchmark.path = path;
        benchmark.setUp();
        return benchmark;
    }

    @Test
    void actSamplesOneDiscreteActionPerCartPoleObservation() {
        double[][] actions = setUp(Preset.CARTPOLE_16X20, 16).act(new Blackhole(KfacRefreshBenchmarkTest.BLACKHOLE_CONSENT));
        assertThat(actions).hasNumberOfRows(16);
        for (double[] action : actions) {
            assertThat(action).hasSize(1);
            assertThat(action[0]).isIn(0.0, 1.0);
        }
    }

    @Test
    void actSamplesOneSixDimensionalActionPerGaussianObservation() {
        double[][] actions = setUp(Preset.GAUSSIAN_17X6_2048, 16).act(new Blackhole(KfacRefreshBenchmarkTest.BLACKHOLE_CONSENT));
        assertThat(actions).hasNumberOfRows(16);
        assertThat(actions[0]).hasSize(6);
    }

    @Test
    void theActorPathSamplesOneActionPerObservationAsTheForwardPathDoes() {
        Blackhole blackhole = new Blackhole(KfacRefreshBenchmarkTest.BLACKHOLE_CONSENT);
        double[][] cartPole = setUp(Preset.CARTPOLE_16X20, 8, "actor").act(blackhole);
        assertThat(cartPole).hasNumberOfRows(8);
        for (double[] action : cartPole) {
            assertThat(action).hasSize(1);
            assertThat(action[0]).isIn(0.0, 1.0);
        }
        double[][] gaussian = setUp(Preset.GAUSSIAN_17X6_2048, 16, "actor").act(blackhole);
        assertThat(gaussian).hasNumberOfRows(16);
        assertThat(gaussian[0]).hasSize(6);
    }

    @Test
    void anUnknownPathIsRefused() {
        assertThatThrownBy(() -> setUp(Preset.CARTPOLE_16X20, 8, "gpu")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("path = gpu");
    }

    @Test
    void moreObservationsThanTheBatchHoldsAreRefused() {
        assertThatThrownBy(() -> setUp(Preset.CARTPOLE_16X20, 321)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("observations = 321").hasMessageContaining("320");
    }
}
