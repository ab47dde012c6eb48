package io.acktr.runtime.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StratifiedBootstrapTest {
    private static final StratifiedBootstrap BOOTSTRAP = new StratifiedBootstrap(2000, 0, 0.95);

    private static double pooledMean(List<double[]> strata) {
        return strata.stream().flatMapToDouble(Arrays::stream).average().orElseThrow();
    }

    @Test
    void quantilesInterpolateLinearlyBetweenTheNearestValues() {
        double[] sorted = {0, 10, 20, 30, 40};
        assertThat(Quantiles.ofSorted(sorted, 0)).isEqualTo(0);
        assertThat(Quantiles.ofSorted(sorted, 0.5)).isEqualTo(20);
        assertThat(Quantiles.ofSorted(sorted, 0.9)).isCloseTo(36, within(1e-12)); // position 3.6
        assertThat(Quantiles.ofSorted(sorted, 1)).isEqualTo(40);
    }

    @Test
    void resamplingStaysWithinEachStratum() {
        // pooled, every resample keeps two 0s and two 10s: the mean is always 5. Resampling the four
        // values together would give means from 0 to 10.
        Interval stratified = BOOTSTRAP.interval(List.of(new double[] {0, 0}, new double[] {10, 10}),
                StratifiedBootstrapTest::pooledMean);
        assertThat(stratified).isEqualTo(new Interval(5, 5, 5));
        Interval pooled = BOOTSTRAP.interval(new double[] {0, 0, 10, 10}, v -> Arrays.stream(v).average().orElseThrow());
        assertThat(pooled.lower()).isLessThan(5);
        assertThat(pooled.upper()).isGreaterThan(5);
    }

    @Test
    void theIntervalOfTwoValuesSpansTheRangeOfTheirResampledMeans() {
        // resampled means of {0, 1}: 0 (1/4), 0.5 (1/2), 1 (1/4); the 2.5% and 97.5% quantiles are 0 and 1
        Interval interval = BOOTSTRAP.interval(new double[] {0, 1}, v -> (v[0] + v[1]) / 2);
        assertThat(interval).isEqualTo(new Interval(0.5, 0, 1));
    }

    @Test
    void aNarrowerLevelGivesANarrowerInterval() {
        double[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        Interval wide = BOOTSTRAP.interval(values, InterquartileMean::of);
        Interval narrow = new StratifiedBootstrap(2000, 0, 0.5).interval(values, InterquartileMean::of);
        assertThat(narrow.estimate()).isEqualTo(wide.estimate()).isCloseTo(5.5, within(1e-12));
        assertThat(narrow.lower()).isGreaterThan(wide.lower());
        assertThat(narrow.upper()).isLessThan(wide.upper());
    }

    @Test
    void theSameSeedGivesTheSameIntervalAndAnotherSeedAnotherOne() {
        double[] values = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3};
        Interval first = new StratifiedBootstrap(200, 7, 0.95).interval(values, InterquartileMean::of);
        assertThat(new StratifiedBootstrap(200, 7, 0.95).interval(values, InterquartileMean::of)).isEqualTo(first);
        assertThat(List.of(1L, 2L, 3L, 4L)).anySatisfy(seed ->
                assertThat(new StratifiedBootstrap(200, seed, 0.95).interval(values, InterquartileMean::of)).isNotEqualTo(first));
    }

    @Test
    void anEmptyStratumOrABadSettingIsRefused() {
        assertThatThrownBy(() -> BOOTSTRAP.interval(List.of(new double[] {1}, new double[0]), StratifiedBootstrapTest::pooledMean))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StratifiedBootstrap(0, 0, 0.95)).hasMessageContaining("resamples = 0");
        assertThatThrownBy(() -> new StratifiedBootstrap(10, 0, 1)).hasMessageContaining("level = 1");
    }
}
