package io.acktr.runtime.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acktr.runtime.statistics.StratifiedBootstrap;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurveBandTest {
    private static final StratifiedBootstrap BOOTSTRAP = new StratifiedBootstrap(2000, 0, 0.95);

    @Test
    void aRunIsInterpolatedLinearlyBetweenItsPoints() {
        RunCurve run = new RunCurve("r", new double[] {0, 10, 20}, new double[] {0, 100, 50});
        assertThat(run.valueAt(5)).isEqualTo(50);
        assertThat(run.valueAt(15)).isEqualTo(75);
        assertThat(run.valueAt(20)).isEqualTo(50);
        assertThatThrownBy(() -> new RunCurve("r", new double[] {1, 0}, new double[] {0, 0})).hasMessageContaining("x decreases");
    }

    @Test
    void theLineIsTheInterquartileMeanOfTheRunsAndTheBandItsBootstrapInterval() {
        // two runs: the IQM is their mean; resampled, either run alone or both
        RunCurve low = new RunCurve("low", new double[] {0, 10}, new double[] {0, 10});
        RunCurve high = new RunCurve("high", new double[] {0, 5, 10}, new double[] {10, 20, 30});
        CurveBand band = CurveBand.of("v", List.of(low, high), BOOTSTRAP);
        assertThat(band.runs()).isEqualTo(2);
        assertThat(band.x()).containsExactly(0, 5, 10); // the union of the runs' x
        assertThat(band.centre()).containsExactly(5, 12.5, 20);
        assertThat(band.lower()).containsExactly(0, 5, 10);
        assertThat(band.upper()).containsExactly(10, 20, 30);
    }

    @Test
    void theBandCoversOnlyTheRangeEveryRunReached() {
        RunCurve shorter = new RunCurve("a", new double[] {0, 10, 20}, new double[] {1, 1, 1});
        RunCurve longer = new RunCurve("b", new double[] {10, 20, 30}, new double[] {3, 3, 3});
        assertThat(CurveBand.of("v", List.of(shorter, longer), BOOTSTRAP).x()).containsExactly(10, 20);
    }

    @Test
    void oneRunIsALineWithoutABand() {
        CurveBand band = CurveBand.of("v", List.of(new RunCurve("a", new double[] {0, 1}, new double[] {4, 6})), BOOTSTRAP);
        assertThat(band.lower()).containsExactly(band.centre());
        assertThat(band.upper()).containsExactly(4, 6);
    }
}
