package io.acktr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.bench.BenchmarkReport.Row;
import io.acktr.bench.BenchmarkReport.Score;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkReportTest {
    private static Row update(String preset, String variant, double millis) {
        return new Row("UpdateBenchmark", Map.of("preset", preset, "variant", variant), new Score(millis, 0.5, "ms/op"), Map.of());
    }

    @Test
    void eachUpdateIsRatedAgainstA2cOnTheSamePreset() {
        String markdown = BenchmarkReport.markdown(List.of(
                update("cartpole-16x20", "identity:rmsprop", 2.0),
                update("cartpole-16x20", "kfac:trust-region", 5.0),
                update("gaussian-17x6-2048", "identity:rmsprop", 10.0),
                update("gaussian-17x6-2048", "kfac:trust-region", 15.0),
                update("cartpole-32x20", "kfac:trust-region", 7.0)));
        assertThat(markdown)
                .contains("| cartpole-16x20 | identity:rmsprop | 2.000 ms/op | 0.500 | 1.00x |")
                .contains("| cartpole-16x20 | kfac:trust-region | 5.000 ms/op | 0.500 | 2.50x |")
                .contains("| gaussian-17x6-2048 | kfac:trust-region | 15.000 ms/op | 0.500 | 1.50x |")
                .contains("| cartpole-32x20 | kfac:trust-region | 7.000 ms/op | 0.500 | n/a |");
    }

    @Test
    void aRefreshIsAmortisedOverTheInverseIntervalAndComparedWithTheKfacUpdate() {
        String markdown = BenchmarkReport.markdown(List.of(
                update("cartpole-16x20", "kfac:trust-region", 4.0),
                new Row("KfacRefreshBenchmark", Map.of("preset", "cartpole-16x20"), new Score(2.0, Double.NaN, "ms/op"), Map.of())));
        assertThat(markdown).contains("| cartpole-16x20 | 2.000 ms/op | n/a | 10 | 0.200 ms/op | 5.0% |");
    }

    @Test
    void throughputIsReportedInEnvironmentStepsPerSecond() {
        String markdown = BenchmarkReport.markdown(List.of(new Row("ThroughputBenchmark",
                Map.of("preset", "cartpole-16x20", "variant", "kfac:trust-region", "steps", "32000"),
                new Score(0.5, 0.1, "ops/s"), Map.of("envSteps", new Score(16000.4, 1200.2, "ops/s")))));
        assertThat(markdown).contains("| cartpole-16x20 | kfac:trust-region | 32000 | 16000 | 1200 | n/a |");
    }

    @Test
    void throughputQuotesThePeakResidentSetBesideTheSteps() {
        String markdown = BenchmarkReport.markdown(List.of(new Row("ThroughputBenchmark",
                Map.of("preset", "cartpole-16x20", "variant", "identity:rmsprop", "steps", "32000"),
                new Score(0.5, 0.1, "ops/s"), Map.of("envSteps", new Score(30000.0, 900.0, "ops/s"),
                        BenchmarkReport.PEAK_RESIDENT, new Score(371.0, Double.NaN, "#")))));
        assertThat(markdown).contains("| peak resident set |")
                .contains("| cartpole-16x20 | identity:rmsprop | 32000 | 30000 | 900 | 371 MB |");
    }

    @Test
    void actStepsNameTheirPath() {
        String markdown = BenchmarkReport.markdown(List.of(new Row("ActBenchmark",
                Map.of("preset", "cartpole-16x20", "observations", "8", "path", "actor"),
                new Score(4.5, 0.2, "us/op"), Map.of())));
        assertThat(markdown).contains("| cartpole-16x20 | actor | 8 | 4.500 us/op | 0.200 |");
    }
}
