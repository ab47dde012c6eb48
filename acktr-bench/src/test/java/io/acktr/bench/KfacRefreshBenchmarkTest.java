package io.acktr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

class KfacRefreshBenchmarkTest {
    /** JMH's own words for a Blackhole created outside a benchmark. */
    static final String BLACKHOLE_CONSENT =
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.";

    private static KfacRefreshBenchmark setUp(Preset preset) {
        return setUp(preset, null);
    }

    private static KfacRefreshBenchmark setUp(Preset preset, Workload workload) {
        KfacRefreshBenchmark benchmark = new KfacRefreshBenchmark();
        benchmark.preset = preset.id();
        benchmark.workload = workload;
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

    /** Slow: priming K-FAC decomposes the 3137x3137 factor of the dense layer three times. */
    @Test
    @Tag(UpdateBenchmarkTest.SLOW)
    void natureCnnRefreshDecomposesTheFactorsOfItsConvolutionsAndDenseLayer() {
        KfacRefreshBenchmark benchmark = setUp(Preset.NATURE_CNN_32X20, UpdateBenchmarkTest.SMALL_CNN_BATCH);
        assertThat(benchmark.describeFactors()).isEqualTo("torso/conv0 A 257x257 G 32x32, torso/conv1 A 513x513 G 64x64, "
                + "torso/conv2 A 577x577 G 64x64, torso/0 A 3137x3137 G 512x512, pi/out A 513x513 G 6x6, "
                + "vf/out A 513x513 G 1x1");
    }
}
