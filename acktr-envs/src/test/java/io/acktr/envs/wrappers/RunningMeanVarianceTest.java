package io.acktr.envs.wrappers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RunningMeanVarianceTest {
    private static final double[][] SAMPLES = {{1, 10}, {3, -2}, {8, 4}, {0, 0.5}, {-5, 7}};

    @Test
    void startsAtMeanZeroVarianceOneWithAPseudoCount() {
        RunningStatistics start = new RunningMeanVariance(2).snapshot();

        assertThat(start).isEqualTo(new RunningStatistics(1e-4, new double[] {0, 0}, new double[] {1, 1}));
    }

    @Test
    void sampleBySampleUpdatesMatchTheDirectMomentsOfAllSamples() {
        RunningMeanVariance statistics = new RunningMeanVariance(2);
        for (double[] sample : SAMPLES) {
            statistics.update(sample);
        }

        RunningStatistics snapshot = statistics.snapshot();
        for (int i = 0; i < 2; i++) {
            DirectMoments direct = DirectMoments.column(SAMPLES, i);
            assertThat(snapshot.mean()[i]).isCloseTo(direct.mean(), within(1e-12));
            assertThat(snapshot.variance()[i]).isCloseTo(direct.variance(), within(1e-12));
        }
        assertThat(snapshot.count()).isCloseTo(5 + 1e-4, within(1e-12));
        // Column 0 is 1, 3, 8, 0, -5: sample mean 7 / 5 = 1.4, variance 99 / 5 - 1.4^2 = 17.84; the prior barely moves them.
        assertThat(snapshot.mean()[0]).isCloseTo(1.4, within(1e-4));
        assertThat(snapshot.variance()[0]).isCloseTo(17.84, within(1e-3));
    }

    @Test
    void aBatchUpdateEqualsUpdatingWithItsSamplesOneByOne() {
        RunningMeanVariance oneByOne = new RunningMeanVariance(2);
        RunningMeanVariance batched = new RunningMeanVariance(2);
        oneByOne.update(SAMPLES[0]);
        batched.update(SAMPLES[0]);
        for (int k = 1; k < SAMPLES.length; k++) {
            oneByOne.update(SAMPLES[k]);
        }
        // Samples 1..4 as one batch: mean and population variance per column.
        double[] mean = {(3 + 8 + 0 - 5) / 4.0, (-2 + 4 + 0.5 + 7) / 4.0};
        double[] variance = new double[2];
        for (int k = 1; k < SAMPLES.length; k++) {
            for (int i = 0; i < 2; i++) {
                variance[i] += (SAMPLES[k][i] - mean[i]) * (SAMPLES[k][i] - mean[i]) / 4;
            }
        }
        batched.update(mean, variance, 4);

        assertThat(batched.snapshot().count()).isEqualTo(oneByOne.snapshot().count());
        assertThat(batched.snapshot().mean()).containsExactly(oneByOne.snapshot().mean(), within(1e-12));
        assertThat(batched.snapshot().variance()).containsExactly(oneByOne.snapshot().variance(), within(1e-12));
    }

    @Test
    void normalizesWithMeanAndVarianceAndClips() {
        RunningMeanVariance statistics = new RunningMeanVariance(new RunningStatistics(4, new double[] {1, -1, 0},
                new double[] {4, 4, 1}));

        double[] normalized = statistics.normalize(new double[] {5, -1000, 1000}, 1e-8, 10);

        assertThat(normalized[0]).isCloseTo((5 - 1) / Math.sqrt(4 + 1e-8), within(1e-15));
        assertThat(normalized[1]).isEqualTo(-10);
        assertThat(normalized[2]).isEqualTo(10);
        assertThat(statistics.scale(6, 1e-8, 10)).isCloseTo(6 / Math.sqrt(4 + 1e-8), within(1e-15));
    }

    @Test
    void restoreReplacesTheStatisticsButKeepsTheSize() {
        RunningMeanVariance statistics = new RunningMeanVariance(2);
        RunningStatistics saved = new RunningStatistics(7, new double[] {1, 2}, new double[] {3, 4});

        statistics.restore(saved);

        assertThat(statistics.snapshot()).isEqualTo(saved);
        assertThatThrownBy(() -> statistics.restore(RunningStatistics.initial(3, 1e-4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("size 3").hasMessageContaining("size 2");
    }

    @Test
    void rejectsSamplesOfTheWrongSize() {
        RunningMeanVariance statistics = new RunningMeanVariance(2);

        assertThatThrownBy(() -> statistics.update(new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 elements, the statistics 2");
    }
}
