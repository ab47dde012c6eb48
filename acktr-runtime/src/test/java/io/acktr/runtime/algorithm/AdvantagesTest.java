package io.acktr.runtime.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AdvantagesTest {
    private static final double GAMMA = 0.9;

    @Test
    void nStepReturnsBootstrapFromTheLastValueWhenNoEpisodeEnds() {
        double[][] rewards = {{1}, {2}, {3}};
        double[][] values = {{0.5}, {0.25}, {0.125}};
        boolean[][] no = {{false}, {false}, {false}};
        double[][] adv = Advantages.compute(rewards, values, no, no, new double[3][1], new double[] {10}, GAMMA, 1.0);
        double r2 = 3 + GAMMA * 10;
        double r1 = 2 + GAMMA * r2;
        double r0 = 1 + GAMMA * r1;
        assertThat(adv[2][0]).isCloseTo(r2 - 0.125, within(1e-12));
        assertThat(adv[1][0]).isCloseTo(r1 - 0.25, within(1e-12));
        assertThat(adv[0][0]).isCloseTo(r0 - 0.5, within(1e-12));
    }

    @Test
    void terminationCutsTheReturnWithoutBootstrap() {
        double[][] rewards = {{1}, {1}, {1}};
        double[][] values = {{0}, {0}, {0}};
        boolean[][] terminated = {{false}, {true}, {false}};
        boolean[][] no = {{false}, {false}, {false}};
        double[][] adv = Advantages.compute(rewards, values, terminated, no, new double[3][1], new double[] {100}, GAMMA, 1.0);
        assertThat(adv[1][0]).isCloseTo(1.0, within(1e-12));
        assertThat(adv[0][0]).isCloseTo(1 + GAMMA, within(1e-12));
        assertThat(adv[2][0]).isCloseTo(1 + GAMMA * 100, within(1e-12));
    }

    @Test
    void truncationBootstrapsFromTheFinalObservationValueAndCutsTheRecursion() {
        double[][] rewards = {{1}, {1}};
        double[][] values = {{0}, {7}};
        boolean[][] no = {{false}, {false}};
        boolean[][] truncated = {{true}, {false}};
        double[][] finalValues = {{5}, {0}};
        double[][] adv = Advantages.compute(rewards, values, no, truncated, finalValues, new double[] {3}, GAMMA, 1.0);
        assertThat(adv[0][0]).isCloseTo(1 + GAMMA * 5, within(1e-12));
        assertThat(adv[1][0]).isCloseTo(1 + GAMMA * 3 - 7, within(1e-12));
    }

    @Test
    void gaeWeightsTemporalDifferencesByGammaLambda() {
        double lambda = 0.5;
        double[][] rewards = {{1}, {2}};
        double[][] values = {{0.5}, {1.5}};
        boolean[][] no = {{false}, {false}};
        double[][] adv = Advantages.compute(rewards, values, no, no, new double[2][1], new double[] {2}, GAMMA, lambda);
        double delta1 = 2 + GAMMA * 2 - 1.5;
        double delta0 = 1 + GAMMA * 1.5 - 0.5;
        assertThat(adv[1][0]).isCloseTo(delta1, within(1e-12));
        assertThat(adv[0][0]).isCloseTo(delta0 + GAMMA * lambda * delta1, within(1e-12));
    }

    @Test
    void environmentsAreIndependentColumns() {
        double[][] rewards = {{1, 10}};
        double[][] values = {{0, 0}};
        boolean[][] terminated = {{true, false}};
        boolean[][] no = {{false, false}};
        double[][] adv = Advantages.compute(rewards, values, terminated, no, new double[1][2], new double[] {50, 1}, GAMMA, 1.0);
        assertThat(adv[0][0]).isCloseTo(1, within(1e-12));
        assertThat(adv[0][1]).isCloseTo(10 + GAMMA, within(1e-12));
    }
}
