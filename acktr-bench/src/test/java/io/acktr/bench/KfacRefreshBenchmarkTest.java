package io.acktr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

class KfacRefreshBenchmarkTest {
    /** JMH's own words for a Blackhole created outside a benchmark. */
    static final String BLACKHOLE_CONSENT =
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.";

    private static KfacRefreshBenchmark setUp(Preset preset) {
        KfacRefreshBenchmark benchmark = new KfacRefreshBenchmark();
        benchmark.preset = preset.id();
        benchmark.setUp();
        return benchmark;
    }

    @Test
    void cartpoleRefreshDecomposesBothFactorsOfEveryDenseLayer() {
        KfacRefreshBenchmark benchmark = setUp(Preset.CARTPOLE_16X20);
        assertThat(benchmark.describeFactors()).isEqualTo("pi/0 A 5x5 G 64x64, pi/1 A 65x65 G 64x64, pi/out A 65x65 G 2x2, "
                + "vf/0 A 5x5 G 64x64, vf/1 A 65x65 G 64x64, vf/out A 65x65 G 1x1");
        benchmark.refresh(new Blackhole(BLACKHOLE_CONSENT));
        assertThat(benchmark.inverseInterval()).isPositive();
    }

    @Test
    void gaussianRefreshDecomposesTheFactorsOfA17By6Network() {
        KfacRefreshBenchmark benchmark = setUp(Preset.GAUSSIAN_17X6_2048);
        assertThat(benchmark.describeFactors()).startsWith("pi/0 A 18x18 G 64x64").contains("pi/out A 65x65 G 6x6");
        benchmark.refresh(new Blackhole(BLACKHOLE_CONSENT));
    }
}
