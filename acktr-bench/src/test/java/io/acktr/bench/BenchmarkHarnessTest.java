package io.acktr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs the JMH-generated harness in this JVM, briefly, and the report over its results. */
class BenchmarkHarnessTest {
    @Test
    void theGeneratedHarnessRunsABenchmarkAndTheReportTabulatesIt() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(ActBenchmark.class.getName() + ".act")
                .param("preset", Preset.CARTPOLE_16X20.id())
                .param("observations", "16")
                .param("path", "actor")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build()).run();
        assertThat(results).hasSize(1);
        RunResult result = results.iterator().next();
        assertThat(result.getPrimaryResult().getScore()).isPositive();
        assertThat(BenchmarkReport.markdown(results)).contains("#### ActBenchmark").contains("| cartpole-16x20 | actor | 16 | ");
    }
}
