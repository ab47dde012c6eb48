package io.acktr.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.Environment;
import io.acktr.api.env.Space;
import io.acktr.api.env.StepResult;
import org.junit.jupiter.api.Test;

/** Non-finite numbers are caught where they leave the environment, naming it, its index and its step. */
class CheckedEnvironmentTest {
    /** Returns finite values until its {@code badStep}-th step, then {@code badReward} and {@code badObservation}. */
    private static Environment walk(int badStep, double badReward, double badObservation) {
        return new Environment() {
            private int steps;

            @Override
            public String id() {
                return "Walk-v0";
            }

            @Override
            public Space observationSpace() {
                return BoxSpace.uniform(-1, 1, 1);
            }

            @Override
            public Space actionSpace() {
                return new DiscreteSpace(2);
            }

            @Override
            public double[] reset(long seed) {
                return reset();
            }

            @Override
            public double[] reset() {
                return new double[] {0};
            }

            @Override
            public StepResult step(double[] action) {
                boolean bad = ++steps == badStep;
                return new StepResult(new double[] {bad ? badObservation : 0.5}, bad ? badReward : 1.0, false, false);
            }
        };
    }

    @Test
    void aNonFiniteRewardNamesTheEnvironmentItsIndexAndItsStep() {
        CheckedEnvironment checked = new CheckedEnvironment(walk(7, Double.NaN, 0.5), 5);
        checked.reset(1);
        for (int i = 1; i < 7; i++) {
            assertThat(checked.step(new double[] {0}).reward()).isEqualTo(1.0);
        }
        assertThatThrownBy(() -> checked.step(new double[] {0})).isInstanceOf(EnvironmentFailedException.class)
                .hasMessageContaining("environment 5 (Walk-v0) at its step 7").hasMessageContaining("non-finite reward NaN");
    }

    @Test
    void aNonFiniteObservationNamesTheEnvironmentItsIndexAndItsStep() {
        CheckedEnvironment checked = new CheckedEnvironment(walk(3, 1.0, Double.POSITIVE_INFINITY), 2);
        checked.reset(1);
        checked.step(new double[] {0});
        checked.step(new double[] {0});
        assertThatThrownBy(() -> checked.step(new double[] {0})).isInstanceOf(EnvironmentFailedException.class)
                .hasMessageContaining("environment 2 (Walk-v0) at its step 3")
                .hasMessageContaining("non-finite observation [Infinity]");
    }
}
