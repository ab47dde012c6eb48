package io.acktr.envs.wrappers;

import io.acktr.envs.vector.SyncVectorEnvironment;
import io.acktr.envs.vector.VectorStep;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EpisodeMonitorTest {
    private static final double[] ACTION = {0, 0};

    @Test
    void recordsTheUndiscountedReturnAndLengthOfEachFinishedEpisode() {
        EpisodeMonitor monitor = new EpisodeMonitor(FakeEnvironment.ofSize(1).terminatingAfter(3).rewards(1, 2, 4, 8, 16, 32));
        monitor.reset(0);
        for (int i = 0; i < 3; i++) {
            monitor.step(ACTION);
        }
        monitor.reset();
        for (int i = 0; i < 3; i++) {
            monitor.step(ACTION);
        }

        assertThat(monitor.episodeCount()).isEqualTo(2);
        assertThat(monitor.episodeReturns()).containsExactly(1 + 2 + 4, 8 + 16 + 32);
        assertThat(monitor.episodeLengths()).containsExactly(3, 3);
        assertThat(monitor.lastEpisodeReturn()).isEqualTo(56);
        assertThat(monitor.lastEpisodeLength()).isEqualTo(3);
    }

    @Test
    void countsATruncatedEpisodeAndDiscardsOneCutShortByReset() {
        EpisodeMonitor monitor = new EpisodeMonitor(new TimeLimit(FakeEnvironment.ofSize(1).rewards(1, 10), 2));
        monitor.reset(0);
        monitor.step(ACTION);
        monitor.reset(); // abandons an episode of one step
        monitor.step(ACTION);
        monitor.step(ACTION); // truncated by the time limit

        assertThat(monitor.episodeReturns()).containsExactly(10 + 1);
        assertThat(monitor.episodeLengths()).containsExactly(2);
    }

    @Test
    void keepsEveryEpisodeBeyondTheInitialCapacity() {
        EpisodeMonitor monitor = new EpisodeMonitor(FakeEnvironment.ofSize(1).terminatingAfter(1).rewards(1, 2, 3));
        monitor.reset(0);
        for (int i = 0; i < 40; i++) {
            monitor.step(ACTION);
            monitor.reset();
        }

        assertThat(monitor.episodeCount()).isEqualTo(40);
        assertThat(monitor.episodeReturns()[39]).isEqualTo(1); // step 39 has reward rewards[39 % 3]
        assertThat(monitor.episodeLengths()).containsOnly(1);
    }

    @Test
    void hasNoLastEpisodeBeforeOneFinished() {
        EpisodeMonitor monitor = new EpisodeMonitor(FakeEnvironment.ofSize(1));

        assertThat(monitor.episodeReturns()).isEmpty();
        assertThatThrownBy(monitor::lastEpisodeReturn).isInstanceOf(IllegalStateException.class).hasMessageContaining("Fake-v0");
    }

    @Test
    void isFoundThroughOuterWrappers() {
        EpisodeMonitor monitor = new EpisodeMonitor(new TimeLimit(FakeEnvironment.ofSize(2), 5));
        FrameStack outer = new FrameStack(new ClipAction(monitor), 2);

        assertThat(EpisodeStatistics.find(outer)).containsSame(monitor);
        assertThat(EnvironmentWrapper.find(outer, TimeLimit.class)).isPresent();
        assertThat(EpisodeStatistics.find(FakeEnvironment.ofSize(2))).isEmpty();
    }

    @Test
    void vectorReportsTheMonitoredRawReturnUnderRewardNormalisation() {
        RunningMeanVariance shared = new RunningMeanVariance(1);
        List<NormalizeReward> environments = List.of(
                new NormalizeReward(new EpisodeMonitor(FakeEnvironment.ofSize(1).terminatingAfter(2).rewards(3, 5)), shared,
                        0.99, 10, 1e-8),
                new NormalizeReward(new EpisodeMonitor(FakeEnvironment.ofSize(1).terminatingAfter(3).rewards(7)), shared,
                        0.99, 10, 1e-8));
        try (SyncVectorEnvironment vector = new SyncVectorEnvironment(environments)) {
            vector.reset(0);
            VectorStep first = vector.step(new double[][] {ACTION, ACTION});
            VectorStep second = vector.step(new double[][] {ACTION, ACTION});
            VectorStep third = vector.step(new double[][] {ACTION, ACTION});

            assertThat(first.rewards()[0]).isNotEqualTo(3.0); // the vector sees normalised rewards
            assertThat(second.episodeReturns()[0]).isEqualTo(3 + 5);
            assertThat(second.episodeLengths()[0]).isEqualTo(2);
            assertThat(third.episodeReturns()[1]).isEqualTo(7 * 3);
            assertThat(third.episodeLengths()[1]).isEqualTo(3);
        }
    }

    @Test
    void vectorSumsTheRewardsItselfWithoutAMonitor() {
        RunningMeanVariance shared = new RunningMeanVariance(1);
        NormalizeReward normalized = new NormalizeReward(FakeEnvironment.ofSize(1).terminatingAfter(2).rewards(3, 5), shared,
                0.99, 10, 1e-8);
        try (SyncVectorEnvironment vector = new SyncVectorEnvironment(List.of(normalized))) {
            vector.reset(0);
            VectorStep first = vector.step(new double[][] {ACTION});
            VectorStep second = vector.step(new double[][] {ACTION});

            assertThat(second.episodeReturns()[0]).isEqualTo(first.rewards()[0] + second.rewards()[0]);
        }
    }
}
