package io.acktr.envs.wrappers;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.Environment;
import io.acktr.api.env.Space;
import io.acktr.api.env.StepResult;
import io.acktr.envs.classic.CartPole;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObservationLengthCheckTest {
    private static final String ORIGIN = "environment provider com.example.FakeProvider";

    @Test
    void passesCorrectObservationsThroughUntouched() {
        CartPole inner = new CartPole();
        ObservationLengthCheck env = new ObservationLengthCheck(inner, ORIGIN);

        double[] observation = env.reset(3);
        StepResult result = env.step(new double[] {1});

        assertThat(observation).containsExactly(new CartPole().reset(3));
        assertThat(result.observation()).hasSize(4);
        assertThat(env.reset()).hasSize(4);
        assertThat(env.id()).isEqualTo("CartPole-v1");
        assertThat(env.observationSpace()).isEqualTo(inner.observationSpace());
        assertThat(env.actionSpace()).isEqualTo(inner.actionSpace());
        assertThat(env.render().pixels()).isEqualTo(inner.render().pixels());
        assertThat(env.environment()).isSameAs(inner);
    }

    @Test
    void aShortOrLongObservationNamesTheOriginTheIdTheMethodAndTheSpace() {
        ObservationLengthCheck shortReset = new ObservationLengthCheck(new Scripted(2, 3), ORIGIN);
        ObservationLengthCheck longStep = new ObservationLengthCheck(new Scripted(3, 4), ORIGIN);

        assertThatThrownBy(() -> shortReset.reset(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(ORIGIN + ": environment Scripted-v0 returned an observation of length 2 from reset(seed), but its"
                        + " observation space Box(0.0, 1.0, [3]) has 3 elements");
        assertThatThrownBy(shortReset::reset).hasMessageContaining("length 2 from reset()");
        assertThat(longStep.reset(0)).hasSize(3);
        assertThatThrownBy(() -> longStep.step(new double[] {0}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ORIGIN)
                .hasMessageContaining("length 4 from step()");
    }

    @Test
    void aNullObservationIsAnError() {
        ObservationLengthCheck env = new ObservationLengthCheck(new Scripted(-1, 3), ORIGIN);

        assertThatThrownBy(() -> env.reset(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(ORIGIN + ": environment Scripted-v0 returned a null observation from reset(seed)");
    }

    @Test
    void closeClosesTheWrappedEnvironment() {
        Scripted inner = new Scripted(3, 3);

        new ObservationLengthCheck(inner, ORIGIN).close();

        assertThat(inner.closed).isTrue();
    }

    /** Returns zero observations of fixed lengths for a 3-element box; a negative length means null. */
    private static final class Scripted implements Environment {
        private final int resetLength;
        private final int stepLength;
        private boolean closed;

        Scripted(int resetLength, int stepLength) {
            this.resetLength = resetLength;
            this.stepLength = stepLength;
        }

        @Override
        public String id() {
            return "Scripted-v0";
        }

        @Override
        public Space observationSpace() {
            return BoxSpace.uniform(0, 1, 3);
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
            return resetLength < 0 ? null : new double[resetLength];
        }

        @Override
        public StepResult step(double[] action) {
            return new StepResult(new double[stepLength], 0, false, false);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
