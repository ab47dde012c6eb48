package io.acktr.envs.wrappers;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.StepResult;
import io.acktr.envs.classic.CartPole;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NormalizeObservationTest {
    private static final double[] ACTION = {0, 0};
    private static final double[][] OBSERVATIONS = {{1, 10}, {3, -2}, {8, 4}};

    private static NormalizeObservation normalize(FakeEnvironment environment) {
        return new NormalizeObservation(environment, new RunningMeanVariance(2), 10, 1e-8);
    }

    @Test
    void normalizesWithTheMomentsOfEveryObservationSeenSoFar() {
        NormalizeObservation env = normalize(FakeEnvironment.ofSize(2).observations(OBSERVATIONS));

        double[] first = env.reset(0);
        env.step(ACTION);
        StepResult third = env.step(ACTION);

        // After the reset: count 1.0001, mean 1 / 1.0001, so (1 - mean) / sd is tiny but positive.
        DirectMoments firstColumn0 = DirectMoments.of(1);
        assertThat(first[0]).isCloseTo((1 - firstColumn0.mean()) / Math.sqrt(firstColumn0.variance() + 1e-8), within(1e-9));
        for (int i = 0; i < 2; i++) {
            DirectMoments direct = DirectMoments.column(OBSERVATIONS, i);
            assertThat(third.observation()[i])
                    .isCloseTo((OBSERVATIONS[2][i] - direct.mean()) / Math.sqrt(direct.variance() + 1e-8), within(1e-12));
        }
        // Column 0 is 1, 3, 8: mean 4, variance 26 / 3, so 8 normalises to 4 / sqrt(26 / 3) = 1.3587.
        assertThat(third.observation()[0]).isCloseTo(1.3587, within(1e-4));
        assertThat(env.statistics().count()).isCloseTo(3 + 1e-4, within(1e-12));
    }

    @Test
    void clipsNormalizedValuesToTheClipRange() {
        double[][] script = new double[1001][];
        for (int k = 0; k < 1000; k++) {
            script[k] = new double[] {0, 0};
        }
        script[1000] = new double[] {1e6, -1e6}; // about 31.6 standard deviations away
        NormalizeObservation env = normalize(FakeEnvironment.ofSize(2).observations(script));
        env.reset(0);
        StepResult last = null;
        for (int k = 0; k < 1000; k++) {
            last = env.step(ACTION);
        }

        assertThat(last.observation()).containsExactly(10, -10);
    }

    @Test
    void passesRewardsFlagsAndActionsThrough() {
        FakeEnvironment inner = FakeEnvironment.ofSize(2).terminatingAfter(1).rewards(7);
        NormalizeObservation env = normalize(inner);
        env.reset(3);

        StepResult result = env.step(new double[] {0.5, -0.5});

        assertThat(result.reward()).isEqualTo(7);
        assertThat(result.terminated()).isTrue();
        assertThat(inner.actions).singleElement().satisfies(a -> assertThat(a).containsExactly(0.5, -0.5));
        assertThat(inner.seeds).containsExactly(3L);
    }

    @Test
    void observationSpaceBecomesAnUnboundedBoxOfTheSameShape() {
        NormalizeObservation env = new NormalizeObservation(new CartPole(), new RunningMeanVariance(4), 10, 1e-8);

        assertThat(env.observationSpace()).isEqualTo(BoxSpace.uniform(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 4));
        assertThat(env.actionSpace()).isEqualTo(new DiscreteSpace(2));
    }

    @Test
    void statisticsAreFrozenWhenNotTraining() {
        NormalizeObservation env = normalize(FakeEnvironment.ofSize(2).observations(OBSERVATIONS));
        env.reset(0);
        env.step(ACTION);
        RunningStatistics before = env.statistics();

        env.setTraining(false);
        StepResult frozen = env.step(ACTION);

        assertThat(env.training()).isFalse();
        assertThat(env.statistics()).isEqualTo(before);
        assertThat(frozen.observation()[0]).isCloseTo((8 - before.mean()[0]) / Math.sqrt(before.variance()[0] + 1e-8), within(1e-12));
    }

    @Test
    void wrappersSharingStatisticsUpdateTheSameMoments() {
        RunningMeanVariance shared = new RunningMeanVariance(2);
        NormalizeObservation first = new NormalizeObservation(FakeEnvironment.ofSize(2).observations(OBSERVATIONS[0]), shared, 10, 1e-8);
        NormalizeObservation second = new NormalizeObservation(FakeEnvironment.ofSize(2).observations(OBSERVATIONS[1]), shared, 10, 1e-8);

        first.reset(0);
        second.reset(1);
        first.step(ACTION);

        DirectMoments direct = DirectMoments.column(new double[][] {OBSERVATIONS[0], OBSERVATIONS[1], OBSERVATIONS[0]}, 0);
        assertThat(second.statistics().count()).isCloseTo(3 + 1e-4, within(1e-12));
        assertThat(second.statistics().mean()[0]).isCloseTo(direct.mean(), within(1e-12));
    }

    @Test
    void restoredStatisticsAreUsedAtOnce() {
        NormalizeObservation env = normalize(FakeEnvironment.ofSize(2).observations(new double[] {5, 5}));
        env.restore(new RunningStatistics(1e9, new double[] {1, 5}, new double[] {4, 1}));
        env.setTraining(false);

        assertThat(env.reset(0)).containsExactly(new double[] {4 / Math.sqrt(4 + 1e-8), 0}, within(1e-12));
    }

    @Test
    void rejectsNonBoxObservationsAndMismatchedStatistics() {
        FakeEnvironment discrete = new FakeEnvironment(new DiscreteSpace(3), new DiscreteSpace(2));
        assertThatThrownBy(() -> new NormalizeObservation(discrete, new RunningMeanVariance(1), 10, 1e-8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NormalizeObservation needs a box observation space, but Fake-v0 has Discrete(3)");
        assertThatThrownBy(() -> new NormalizeObservation(new CartPole(), new RunningMeanVariance(3), 10, 1e-8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 elements").hasMessageContaining("have 4");
        assertThatThrownBy(() -> new NormalizeObservation(new CartPole(), new RunningMeanVariance(4), 0, 1e-8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clip");
    }
}
