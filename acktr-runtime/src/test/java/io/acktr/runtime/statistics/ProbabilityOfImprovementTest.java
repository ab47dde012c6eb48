package io.acktr.runtime.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProbabilityOfImprovementTest {
    @Test
    void everyPairOfRunsCountsAndATieCountsOneHalf() {
        // pairs (x, y): (1,2) 0, (1,2) 0, (2,2) 1/2, (2,2) 1/2, (3,2) 1, (3,2) 1 -> 3/6
        assertThat(ProbabilityOfImprovement.of(new double[] {1, 2, 3}, new double[] {2, 2})).isEqualTo(0.5);
        assertThat(ProbabilityOfImprovement.of(new double[] {3, 4}, new double[] {1, 2})).isEqualTo(1);
        assertThat(ProbabilityOfImprovement.of(new double[] {1, 2}, new double[] {3, 4})).isEqualTo(0);
        // 4 beats 1 and 3, 2 beats 1: 3 of 4 pairs
        assertThat(ProbabilityOfImprovement.of(new double[] {2, 4}, new double[] {1, 3})).isEqualTo(0.75);
    }

    @Test
    void runsThatNeverGotThereCompareAsInfinitelyFarAndTieWithEachOther() {
        double never = Double.NEGATIVE_INFINITY;
        assertThat(ProbabilityOfImprovement.of(new double[] {-100, never}, new double[] {never, never})).isEqualTo(0.75);
    }

    @Test
    void acrossTasksEachTaskWeighsTheSame() {
        List<double[]> x = List.of(new double[] {3, 4}, new double[] {1, 2, 3});
        List<double[]> y = List.of(new double[] {1, 2}, new double[] {2, 2});
        assertThat(ProbabilityOfImprovement.averaged(x, y)).isEqualTo(0.75);
        assertThat(ProbabilityOfImprovement.averagedOverInterleaved(ProbabilityOfImprovement.interleave(x, y))).isEqualTo(0.75);
    }

    @Test
    void aBootstrapOverBothVariantsBracketsTheEstimate() {
        List<double[]> strata = ProbabilityOfImprovement.interleave(List.of(new double[] {1, 2, 3, 4}),
                List.of(new double[] {2, 3, 4, 5}));
        Interval interval = new StratifiedBootstrap(2000, 0, 0.95).interval(strata, ProbabilityOfImprovement::averagedOverInterleaved);
        // of the 16 pairs, x wins (3,2), (4,2), (4,3) and ties (2,2), (3,3), (4,4)
        assertThat(interval.estimate()).isEqualTo((3 + 0.5 * 3) / 16);
        assertThat(interval.lower()).isLessThan(interval.estimate());
        assertThat(interval.upper()).isGreaterThan(interval.estimate()).isLessThanOrEqualTo(1);
    }

    @Test
    void tasksOfXAndYMustMatchAndRunsMustExist() {
        assertThatThrownBy(() -> ProbabilityOfImprovement.averaged(List.of(new double[] {1}), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProbabilityOfImprovement.of(new double[0], new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
