package io.acktr.runtime.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceProfileTest {
    private static final List<double[]> SCORES = List.of(new double[] {0.5, 1.0, 1.5, 2.0}, new double[] {0, 0.2});

    @Test
    void theFractionAboveTauAveragesTheTasksFractions() {
        // task 1: 3 of 4 above 0.9; task 2: none -> (3/4 + 0) / 2, not 3 of 6 runs
        assertThat(PerformanceProfile.fractionAbove(SCORES, 0.9)).isEqualTo(0.375);
        assertThat(PerformanceProfile.fractionAbove(SCORES, -1)).isEqualTo(1);
        assertThat(PerformanceProfile.fractionAbove(SCORES, 2)).isEqualTo(0);
    }

    @Test
    void aScoreEqualToTauIsNotAboveIt() {
        assertThat(PerformanceProfile.fractionAbove(SCORES, 1.0)).isEqualTo(0.25); // 1.5 and 2.0 of task 1
    }

    @Test
    void theGridIncludesBothEnds() {
        assertThat(PerformanceProfile.grid(0, 1, 5)).containsExactly(0, 0.25, 0.5, 0.75, 1);
        assertThatThrownBy(() -> PerformanceProfile.grid(1, 1, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNormalisedScoreIsZeroAtRandomAndOneAtTheThreshold() {
        NormalisedScore pendulum = new NormalisedScore(-1200, -200);
        assertThat(pendulum.of(-1200)).isZero();
        assertThat(pendulum.of(-200)).isEqualTo(1);
        assertThat(pendulum.of(-150)).isCloseTo(1.05, within(1e-12));
        assertThatThrownBy(() -> new NormalisedScore(0, -200)).hasMessageContaining("above the random return");
    }
}
