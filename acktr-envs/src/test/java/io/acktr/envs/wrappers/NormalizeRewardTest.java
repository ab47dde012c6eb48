package io.acktr.envs.wrappers;

import io.acktr.api.env.StepResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NormalizeRewardTest {
    private static final double[] ACTION = {0, 0};

    /** Rewards 1, 2, 3, ... with gamma 0.5; episodes of two steps; a clip too wide to matter. */
    private static NormalizeReward unclipped() {
        return new NormalizeReward(FakeEnvironment.ofSize(1).terminatingAfter(2).rewards(1, 2, 3, 4), new RunningMeanVariance(1),
                0.5, 1000, 1e-8);
    }

    @Test
    void dividesEachRewardByTheStandardDeviationOfTheDiscountedReturn() {
        NormalizeReward env = unclipped();
        env.reset(0);

        double first = env.step(ACTION).reward();   // G = 1
        double second = env.step(ACTION).reward();  // G = 0.5 * 1 + 2 = 2.5; the episode ends, G restarts
        env.reset();
        double third = env.step(ACTION).reward();   // G = 3, not 0.5 * 2.5 + 3

        assertThat(first).isCloseTo(1 / Math.sqrt(DirectMoments.of(1).variance() + 1e-8), within(1e-9));
        assertThat(second).isCloseTo(2 / Math.sqrt(DirectMoments.of(1, 2.5).variance() + 1e-8), within(1e-12));
        assertThat(third).isCloseTo(3 / Math.sqrt(DirectMoments.of(1, 2.5, 3).variance() + 1e-8), within(1e-12));
        // By hand: returns 1 and 2.5 (with SB3's prior) have variance 0.56267, so 2 scales to 2 / 0.75012 = 2.6663.
        assertThat(second).isCloseTo(2.6663, within(1e-4));
        // Returns 1, 2.5, 3: variance 0.72239, so 3 scales to 3.5297.
        assertThat(third).isCloseTo(3.5297, within(1e-4));
    }

    @Test
    void resetRestartsTheDiscountedReturnMidEpisode() {
        NormalizeReward env = new NormalizeReward(FakeEnvironment.ofSize(1).rewards(1, 2), new RunningMeanVariance(1), 0.5, 1000, 1e-8);
        env.reset(0);
        env.step(ACTION); // G = 1
        env.reset();

        double reward = env.step(ACTION).reward(); // G = 2, not 0.5 * 1 + 2

        assertThat(reward).isCloseTo(2 / Math.sqrt(DirectMoments.of(1, 2).variance() + 1e-8), within(1e-12));
    }

    @Test
    void clipsScaledRewards() {
        // The first return has variance 0.0002 with SB3's prior, so reward 1 scales to 70.7.
        NormalizeReward env = new NormalizeReward(FakeEnvironment.ofSize(1).rewards(1, -1), new RunningMeanVariance(1), 0.99, 10, 1e-8);
        env.reset(0);

        assertThat(env.step(ACTION).reward()).isEqualTo(10);
    }

    @Test
    void passesObservationsAndFlagsThrough() {
        FakeEnvironment inner = FakeEnvironment.ofSize(1).terminatingAfter(1);
        NormalizeReward env = new NormalizeReward(inner, new RunningMeanVariance(1), 0.99, 10, 1e-8);

        assertThat(env.reset(0)).containsExactly(0);
        StepResult result = env.step(ACTION);

        assertThat(result.observation()).containsExactly(1);
        assertThat(result.terminated()).isTrue();
        assertThat(env.observationSpace()).isEqualTo(inner.observationSpace());
        assertThat(env.actionSpace()).isEqualTo(inner.actionSpace());
    }

    @Test
    void statisticsAreFrozenWhenNotTraining() {
        NormalizeReward env = unclipped();
        env.reset(0);
        env.step(ACTION);
        env.step(ACTION);
        RunningStatistics before = env.statistics();

        env.setTraining(false);
        env.reset();
        double reward = env.step(ACTION).reward();

        assertThat(env.statistics()).isEqualTo(before);
        assertThat(reward).isCloseTo(3 / Math.sqrt(before.variance()[0] + 1e-8), within(1e-12));
    }

    @Test
    void wrappersSharingStatisticsPoolTheirReturns() {
        RunningMeanVariance shared = new RunningMeanVariance(1);
        NormalizeReward first = new NormalizeReward(FakeEnvironment.ofSize(1).rewards(1), shared, 0.5, 1000, 1e-8);
        NormalizeReward second = new NormalizeReward(FakeEnvironment.ofSize(1).rewards(4), shared, 0.5, 1000, 1e-8);
        first.reset(0);
        second.reset(1);

        first.step(ACTION);                                  // G1 = 1
        second.step(ACTION);                                 // G2 = 4
        double reward = first.step(ACTION).reward();         // G1 = 1.5

        assertThat(shared.snapshot().count()).isCloseTo(3 + 1e-4, within(1e-12));
        assertThat(reward).isCloseTo(1 / Math.sqrt(DirectMoments.of(1, 4, 1.5).variance() + 1e-8), within(1e-12));
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> new NormalizeReward(FakeEnvironment.ofSize(1), new RunningMeanVariance(1), 1.5, 10, 1e-8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gamma must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> new NormalizeReward(FakeEnvironment.ofSize(1), new RunningMeanVariance(2), 0.9, 10, 1e-8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one-element statistics");
        assertThatThrownBy(() -> new NormalizeReward(FakeEnvironment.ofSize(1), new RunningMeanVariance(1), 0.9, 10, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("epsilon");
    }
}
