package io.acktr.envs.wrappers;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.StepResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeFeatureTest {
    private static final double[] ACTION = {0, 0};

    @Test
    void appendsTheRemainingFractionOfTheEpisodeReachingZeroOnTheTruncatingStep() {
        TimeFeature env = new TimeFeature(new TimeLimit(FakeEnvironment.ofSize(2), 4));

        assertThat(env.reset(0)).containsExactly(0, 0.1, 1.0);
        assertThat(env.step(ACTION).observation()).containsExactly(1, 1.1, 0.75);
        assertThat(env.step(ACTION).observation()).containsExactly(2, 2.1, 0.5);
        StepResult third = env.step(ACTION);
        StepResult fourth = env.step(ACTION);

        assertThat(third.observation()[2]).isEqualTo(0.25);
        assertThat(third.truncated()).isFalse();
        assertThat(fourth.observation()).containsExactly(4, 4.1, 0.0);
        assertThat(fourth.truncated()).isTrue();
        assertThat(env.reset()).containsExactly(5, 5.1, 1.0);
    }

    @Test
    void restartsAfterAnEpisodeThatTerminatedEarly() {
        TimeFeature env = new TimeFeature(new TimeLimit(FakeEnvironment.ofSize(1).terminatingAfter(1), 10));
        env.reset(0);

        assertThat(env.step(ACTION).observation()).containsExactly(1, 0.9);
        assertThat(env.reset()).containsExactly(2, 1.0);
        assertThat(env.step(ACTION).observation()).containsExactly(3, 0.9);
    }

    @Test
    void findsTheTimeLimitThroughOtherWrappers() {
        TimeFeature env = new TimeFeature(new EpisodeMonitor(new ObservationLengthCheck(new TimeLimit(FakeEnvironment.ofSize(1), 2),
                "test")));
        env.reset(0);

        assertThat(env.step(ACTION).observation()).containsExactly(1, 0.5);
    }

    @Test
    void observationSpaceGainsOneElementBoundedByZeroAndOne() {
        TimeFeature env = new TimeFeature(new TimeLimit(FakeEnvironment.ofSize(2), 4));

        assertThat(env.observationSpace()).isEqualTo(new BoxSpace(new double[] {-1000, -1000, 0}, new double[] {1000, 1000, 1},
                new int[] {3}));
    }

    @Test
    void needsATimeLimitAndOneDimensionalObservations() {
        assertThatThrownBy(() -> new TimeFeature(FakeEnvironment.ofSize(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TimeFeature needs a time limit, but Fake-v0 is not wrapped in a TimeLimit");
        assertThatThrownBy(() -> new TimeFeature(new FrameStack(new TimeLimit(FakeEnvironment.ofSize(2), 4), 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TimeFeature needs one-dimensional observations")
                .hasMessageContaining("[2, 2]");
    }
}
