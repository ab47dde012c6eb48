package io.acktr.envs.wrappers;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.StepResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrameStackTest {
    private static final double[] ACTION = {0, 0};

    @Test
    void resetFillsTheStackWithTheFirstObservationAndStepsShiftItOldestFirst() {
        // The fake's observation k is [k, k + 0.1].
        FrameStack env = new FrameStack(FakeEnvironment.ofSize(2), 3);

        assertThat(env.reset(0)).containsExactly(0, 0.1, 0, 0.1, 0, 0.1);
        assertThat(env.step(ACTION).observation()).containsExactly(0, 0.1, 0, 0.1, 1, 1.1);
        assertThat(env.step(ACTION).observation()).containsExactly(0, 0.1, 1, 1.1, 2, 2.1);
        assertThat(env.step(ACTION).observation()).containsExactly(1, 1.1, 2, 2.1, 3, 3.1);
        assertThat(env.reset()).containsExactly(4, 4.1, 4, 4.1, 4, 4.1);
        assertThat(env.step(ACTION).observation()).containsExactly(4, 4.1, 4, 4.1, 5, 5.1);
    }

    @Test
    void theLastObservationOfAnEpisodeIsStackedBeforeTheNextResetRefills() {
        FrameStack env = new FrameStack(FakeEnvironment.ofSize(1).terminatingAfter(2), 2);
        env.reset(0);
        env.step(ACTION);

        StepResult last = env.step(ACTION);

        assertThat(last.terminated()).isTrue();
        assertThat(last.observation()).containsExactly(1, 2);
        assertThat(env.reset()).containsExactly(3, 3);
    }

    @Test
    void vectorObservationsGetANewLeadingAxisWithStackedBounds() {
        FakeEnvironment inner = new FakeEnvironment(new BoxSpace(new double[] {-1, -2}, new double[] {1, 2}, new int[] {2}),
                BoxSpace.uniform(-1, 1, 2));

        FrameStack env = new FrameStack(inner, 2);

        assertThat(env.observationSpace()).isEqualTo(new BoxSpace(new double[] {-1, -2, -1, -2}, new double[] {1, 2, 1, 2},
                new int[] {2, 2}));
        assertThat(env.actionSpace()).isEqualTo(inner.actionSpace());
    }

    @Test
    void imageObservationsAreStackedAlongTheirChannels() {
        // H = 2, W = 1, C = 2; observation k is [k, k + 0.1, k + 0.2, k + 0.3]: pixel 0 holds k, k + 0.1.
        FakeEnvironment inner = new FakeEnvironment(new BoxSpace(new double[] {0, -1, 0, -1}, new double[] {1, 2, 1, 2},
                new int[] {2, 1, 2}), BoxSpace.uniform(-1, 1, 2));
        FrameStack env = new FrameStack(inner, 2);

        assertThat(((BoxSpace) env.observationSpace()).shape()).containsExactly(2, 1, 4);
        assertThat(((BoxSpace) env.observationSpace()).low()).containsExactly(0, -1, 0, -1, 0, -1, 0, -1);
        assertThat(((BoxSpace) env.observationSpace()).high()).containsExactly(1, 2, 1, 2, 1, 2, 1, 2);
        assertThat(env.reset(0)).containsExactly(0, 0.1, 0, 0.1, 0.2, 0.3, 0.2, 0.3);
        assertThat(env.step(ACTION).observation()).containsExactly(0, 0.1, 1, 1.1, 0.2, 0.3, 1.2, 1.3);
    }

    @Test
    void oneFrameLeavesObservationsUnchangedButAddsTheAxis() {
        FrameStack env = new FrameStack(FakeEnvironment.ofSize(2), 1);

        assertThat(env.reset(0)).containsExactly(0, 0.1);
        assertThat(env.step(ACTION).observation()).containsExactly(1, 1.1);
        assertThat(((BoxSpace) env.observationSpace()).shape()).containsExactly(1, 2);
    }

    @Test
    void changingAReturnedObservationDoesNotChangeTheStack() {
        FrameStack env = new FrameStack(FakeEnvironment.ofSize(1), 2);
        double[] first = env.reset(0);

        first[0] = 99;

        assertThat(env.step(ACTION).observation()).containsExactly(0, 1);
    }

    @Test
    void rejectsNoFramesAndDiscreteObservations() {
        assertThatThrownBy(() -> new FrameStack(FakeEnvironment.ofSize(1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frames must be >= 1, got 0");
        assertThatThrownBy(() -> new FrameStack(new FakeEnvironment(new DiscreteSpace(3), new DiscreteSpace(2)), 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FrameStack needs a box observation space, but Fake-v0 has Discrete(3)");
    }
}
