package io.acktr.envs.wrappers;

import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.Environment;
import io.acktr.api.env.Space;
import io.acktr.api.env.StepResult;
import io.acktr.envs.classic.CartPole;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeLimitTest {
    @Test
    void truncatesOnTheStepThatReachesTheLimit() {
        TimeLimit env = new TimeLimit(new ScriptedEnvironment(Integer.MAX_VALUE), 3);
        env.reset(0);

        assertThat(env.step(new double[] {0}).truncated()).isFalse();
        assertThat(env.step(new double[] {0}).truncated()).isFalse();
        assertThat(env.step(new double[] {0}).truncated()).isTrue();
        assertThat(env.elapsedSteps()).isEqualTo(3);
    }

    @Test
    void marksTruncatedEvenWhenTheLastStepAlsoTerminates() {
        TimeLimit env = new TimeLimit(new ScriptedEnvironment(2), 2);
        env.reset(0);
        env.step(new double[] {0});

        StepResult last = env.step(new double[] {0});

        assertThat(last.terminated()).isTrue();
        assertThat(last.truncated()).isTrue();
    }

    @Test
    void resetRestartsTheCount() {
        TimeLimit env = new TimeLimit(new ScriptedEnvironment(Integer.MAX_VALUE), 2);
        env.reset(0);
        env.step(new double[] {0});
        env.reset();

        assertThat(env.elapsedSteps()).isZero();
        assertThat(env.step(new double[] {0}).truncated()).isFalse();
        assertThat(env.step(new double[] {0}).truncated()).isTrue();
    }

    @Test
    void delegatesIdSpacesAndClose() {
        ScriptedEnvironment inner = new ScriptedEnvironment(1);
        TimeLimit env = new TimeLimit(inner, 5);

        env.close();

        assertThat(env.id()).isEqualTo("Scripted-v0");
        assertThat(env.actionSpace()).isEqualTo(new DiscreteSpace(1));
        assertThat(env.environment()).isSameAs(inner);
        assertThat(inner.closed).isTrue();
    }

    @Test
    void rendersTheWrappedEnvironment() {
        CartPole inner = new CartPole();
        TimeLimit env = new TimeLimit(inner, 5);
        env.reset(4);

        assertThat(env.render().pixels()).isEqualTo(inner.render().pixels());
    }

    @Test
    void rejectsNonPositiveLimits() {
        assertThatThrownBy(() -> new TimeLimit(new ScriptedEnvironment(1), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxEpisodeSteps");
    }

    /** Terminates on step {@code terminateAt} of every episode. */
    private static final class ScriptedEnvironment implements Environment {
        private final int terminateAt;
        private int steps;
        private boolean closed;

        ScriptedEnvironment(int terminateAt) {
            this.terminateAt = terminateAt;
        }

        @Override
        public String id() {
            return "Scripted-v0";
        }

        @Override
        public Space observationSpace() {
            return new DiscreteSpace(1);
        }

        @Override
        public Space actionSpace() {
            return new DiscreteSpace(1);
        }

        @Override
        public double[] reset(long seed) {
            return reset();
        }

        @Override
        public double[] reset() {
            steps = 0;
            return new double[] {0};
        }

        @Override
        public StepResult step(double[] action) {
            steps++;
            return new StepResult(new double[] {0}, 1.0, steps >= terminateAt, false);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
