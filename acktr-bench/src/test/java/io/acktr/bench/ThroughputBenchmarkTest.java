package io.acktr.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acktr.runtime.learner.TrainingSummary;
import org.junit.jupiter.api.Test;

class ThroughputBenchmarkTest {
    @Test
    void aShortTrainingRunCountsItsEnvironmentSteps() throws Exception {
        ThroughputBenchmark benchmark = new ThroughputBenchmark();
        benchmark.variant = Variant.ACKTR.toString();
        benchmark.preset = Preset.CARTPOLE_16X20.id();
        benchmark.steps = 640;
        benchmark.setUp();
        ThroughputBenchmark.EnvSteps counter = new ThroughputBenchmark.EnvSteps();
        counter.reset();
        ThroughputBenchmark.PeakResident peak = new ThroughputBenchmark.PeakResident();
        TrainingSummary first = benchmark.train(counter, peak);
        benchmark.train(counter, peak);
        benchmark.deleteRuns();
        assertThat(first.updates()).isEqualTo(2);
        assertThat(counter.envSteps).isEqualTo(1280);
        assertThat(peak.peakResidentMb).isPositive();
    }

    @Test
    void aPresetWithoutEnvironmentIsRefused() {
        ThroughputBenchmark benchmark = new ThroughputBenchmark();
        benchmark.variant = Variant.A2C.toString();
        benchmark.preset = Preset.GAUSSIAN_17X6_2048.id();
        benchmark.steps = 640;
        assertThatThrownBy(benchmark::setUp).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no environment to train on");
    }
}
