package io.acktr.envs.vector;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.Environment;
import io.acktr.api.env.Space;
import io.acktr.api.env.StepResult;
import io.acktr.envs.classic.CartPole;
import io.acktr.envs.classic.Pendulum;
import io.acktr.envs.wrappers.TimeLimit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyncVectorEnvironmentTest {
    private static final double[] NOOP = {0};

    @Test
    void autoResetKeepsTheFinalObservationAndReportsTheEpisodeOnce() {
        // Environment 0 ends its episodes after 2 steps, environment 1 after 3.
        try (SyncVectorEnvironment vector = new SyncVectorEnvironment(List.of(new Countdown(2), new Countdown(3)))) {
            assertThat(vector.reset(100)).isDeepEqualTo(new double[][] {{1, 0}, {1, 0}});

            VectorStep first = vector.step(new double[][] {NOOP, NOOP});
            assertThat(first.observations()).isDeepEqualTo(new double[][] {{1, 1}, {1, 1}});
            assertThat(first.terminated()).containsExactly(false, false);
            assertThat(first.finalObservations()[0]).isNull();
            assertThat(first.finalObservations()[1]).isNull();
            assertThat(first.episodeReturns()).containsExactly(Double.NaN, Double.NaN);
            assertThat(first.episodeLengths()).containsExactly(0, 0);

            VectorStep second = vector.step(new double[][] {NOOP, NOOP});
            assertThat(second.terminated()).containsExactly(true, false);
            assertThat(second.done(0)).isTrue();
            assertThat(second.finalObservations()[0]).containsExactly(1, 2);
            assertThat(second.observations()[0]).containsExactly(2, 0); // first observation of episode 2
            assertThat(second.observations()[1]).containsExactly(1, 2);
            assertThat(second.finalObservations()[1]).isNull();
            assertThat(second.rewards()).containsExactly(2, 2);
            assertThat(second.episodeReturns()[0]).isEqualTo(1 + 2); // rewards 1 and 2
            assertThat(second.episodeReturns()[1]).isNaN();
            assertThat(second.episodeLengths()).containsExactly(2, 0);

            VectorStep third = vector.step(new double[][] {NOOP, NOOP});
            assertThat(third.terminated()).containsExactly(false, true);
            assertThat(third.observations()[0]).containsExactly(2, 1);
            assertThat(third.finalObservations()[0]).isNull();
            assertThat(third.episodeReturns()[0]).isNaN();
            assertThat(third.episodeLengths()).containsExactly(0, 3);
            assertThat(third.episodeReturns()[1]).isEqualTo(1 + 2 + 3);
            assertThat(third.finalObservations()[1]).containsExactly(1, 3);
            assertThat(third.observations()[1]).containsExactly(2, 0);

            VectorStep fourth = vector.step(new double[][] {NOOP, NOOP});
            assertThat(fourth.terminated()).containsExactly(true, false);
            assertThat(fourth.episodeReturns()[0]).isEqualTo(1 + 2); // running return restarted after reset
            assertThat(fourth.episodeLengths()).containsExactly(2, 0);
        }
    }

    @Test
    void truncationAndTerminationArePropagatedSeparately() {
        CartPole falling = new CartPole();
        SyncVectorEnvironment vector = new SyncVectorEnvironment(List.of(
                new TimeLimit(new CartPole(), 2), new TimeLimit(falling, 500)));
        vector.reset(0);
        falling.setState(new double[] {2.39, 1.0, 0, 0}); // leaves the track on the next step

        VectorStep first = vector.step(new double[][] {{1}, {1}});
        assertThat(first.terminated()).containsExactly(false, true);
        assertThat(first.truncated()).containsExactly(false, false);
        assertThat(first.finalObservations()[1][0]).isGreaterThan(2.4);
        assertThat(first.observations()[1][0]).isBetween(-0.05, 0.05);
        assertThat(first.episodeLengths()).containsExactly(0, 1);

        VectorStep second = vector.step(new double[][] {{0}, {0}});
        assertThat(second.terminated()).containsExactly(false, false);
        assertThat(second.truncated()).containsExactly(true, false);
        assertThat(second.finalObservations()[0]).isNotNull();
        assertThat(second.episodeReturns()[0]).isEqualTo(2.0);
        assertThat(second.episodeLengths()).containsExactly(2, 0);
    }

    @Test
    void resetSeedsEnvironmentIWithSeedPlusI() {
        SyncVectorEnvironment vector = new SyncVectorEnvironment(List.of(new CartPole(), new CartPole(), new CartPole()));

        double[][] observations = vector.reset(10);

        assertThat(vector.size()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(observations[i]).containsExactly(new CartPole().reset(10 + i));
        }
        assertThat(vector.observationSpace()).isEqualTo(new CartPole().observationSpace());
        assertThat(vector.actionSpace()).isEqualTo(new DiscreteSpace(2));
    }

    @Test
    void rejectsEnvironmentsWithDifferentSpaces() {
        assertThatThrownBy(() -> new SyncVectorEnvironment(List.of(new CartPole(), new Pendulum())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("environment 1 (Pendulum-v1)")
                .hasMessageContaining("same spaces");
        assertThatThrownBy(() -> new SyncVectorEnvironment(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAWrongNumberOfActionsAndSteppingBeforeReset() {
        SyncVectorEnvironment vector = new SyncVectorEnvironment(List.of(new CartPole(), new CartPole()));

        assertThatThrownBy(() -> vector.step(new double[][] {{0}, {0}}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reset");
        vector.reset(0);
        assertThatThrownBy(() -> vector.step(new double[][] {{0}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 2 actions, got 1");
    }

    @Test
    void closeClosesEveryEnvironment() {
        Countdown first = new Countdown(1);
        Countdown second = new Countdown(1);

        new SyncVectorEnvironment(List.of(first, second)).close();

        assertThat(first.closed).isTrue();
        assertThat(second.closed).isTrue();
    }

    /**
     * Terminates after {@code length} steps. Observations are {@code [episode, step]}, episodes
     * counted from 1; the reward of step {@code k} is {@code k}.
     */
    @Test
    void everyActionIsAnnouncedBeforeTheFirstEnvironmentSteps() {
        List<String> calls = new ArrayList<>();
        List<Countdown> environments = List.of(new Countdown(5, calls, "a"), new Countdown(5, calls, "b"));
        try (SyncVectorEnvironment vector = new SyncVectorEnvironment(environments)) {
            vector.reset(1);
            vector.step(new double[][] {{0}, {0}});
        }

        assertThat(calls).containsExactly("announce a", "announce b", "step a", "step b");
    }

    private static final class Countdown implements Environment {
        private final int length;
        private int episode;
        private int step;
        private boolean closed;
        private final List<String> calls;
        private final String name;

        Countdown(int length) {
            this(length, new ArrayList<>(), "");
        }

        Countdown(int length, List<String> calls, String name) {
            this.length = length;
            this.calls = calls;
            this.name = name;
        }

        @Override
        public void announceStep(double[] action) {
            calls.add("announce " + name);
        }

        @Override
        public String id() {
            return "Countdown-v0";
        }

        @Override
        public Space observationSpace() {
            return BoxSpace.uniform(0, 1000, 2);
        }

        @Override
        public Space actionSpace() {
            return new DiscreteSpace(1);
        }

        @Override
        public double[] reset(long seed) {
            episode = 0;
            return reset();
        }

        @Override
        public double[] reset() {
            episode++;
            step = 0;
            return new double[] {episode, step};
        }

        @Override
        public StepResult step(double[] action) {
            calls.add("step " + name);
            step++;
            return new StepResult(new double[] {episode, step}, step, step == length, false);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
