package io.acktr.envs.classic;

import io.acktr.api.env.Environment;
import io.acktr.api.env.StepResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class SeedingTest {
    @Test
    void sameSeedGivesIdenticalCartPoleEpisodes() {
        assertThat(episode(CartPole::new, 42, new double[] {1})).isEqualTo(episode(CartPole::new, 42, new double[] {1}));
    }

    @Test
    void differentSeedsGiveDifferentCartPoleEpisodes() {
        assertThat(episode(CartPole::new, 42, new double[] {1})).isNotEqualTo(episode(CartPole::new, 43, new double[] {1}));
    }

    @Test
    void sameSeedGivesIdenticalPendulumEpisodes() {
        assertThat(episode(Pendulum::new, 7, new double[] {0.3})).isEqualTo(episode(Pendulum::new, 7, new double[] {0.3}));
    }

    @Test
    void differentSeedsGiveDifferentPendulumEpisodes() {
        assertThat(episode(Pendulum::new, 7, new double[] {0.3})).isNotEqualTo(episode(Pendulum::new, 8, new double[] {0.3}));
    }

    @Test
    void sameSeedGivesIdenticalAcrobotEpisodes() {
        assertThat(episode(Acrobot::new, 11, new double[] {2})).isEqualTo(episode(Acrobot::new, 11, new double[] {2}));
    }

    @Test
    void differentSeedsGiveDifferentAcrobotEpisodes() {
        assertThat(episode(Acrobot::new, 11, new double[] {2})).isNotEqualTo(episode(Acrobot::new, 12, new double[] {2}));
    }

    @Test
    void sameSeedGivesIdenticalMountainCarEpisodes() {
        assertThat(episode(MountainCar::new, 3, new double[] {0})).isEqualTo(episode(MountainCar::new, 3, new double[] {0}));
    }

    @Test
    void differentSeedsGiveDifferentMountainCarEpisodes() {
        assertThat(episode(MountainCar::new, 3, new double[] {0})).isNotEqualTo(episode(MountainCar::new, 4, new double[] {0}));
    }

    @Test
    void sameSeedGivesIdenticalMountainCarContinuousEpisodes() {
        assertThat(episode(MountainCarContinuous::new, 5, new double[] {0.7}))
                .isEqualTo(episode(MountainCarContinuous::new, 5, new double[] {0.7}));
    }

    @Test
    void differentSeedsGiveDifferentMountainCarContinuousEpisodes() {
        assertThat(episode(MountainCarContinuous::new, 5, new double[] {0.7}))
                .isNotEqualTo(episode(MountainCarContinuous::new, 6, new double[] {0.7}));
    }

    @Test
    void unseededResetContinuesTheSeededStream() {
        CartPole first = new CartPole();
        CartPole second = new CartPole();
        first.reset(5);
        second.reset(5);

        double[] next = first.reset();

        assertThat(next).containsExactly(second.reset());
        assertThat(next).isNotEqualTo(new CartPole().reset(5));
    }

    /** Observations of up to 20 steps after {@code reset(seed)}, as lists so equality compares values. */
    private static List<List<Double>> episode(Supplier<Environment> factory, long seed, double[] action) {
        Environment env = factory.get();
        List<List<Double>> observations = new ArrayList<>();
        observations.add(toList(env.reset(seed)));
        for (int i = 0; i < 20; i++) {
            StepResult result = env.step(action);
            observations.add(toList(result.observation()));
            if (result.done()) {
                break;
            }
        }
        return observations;
    }

    private static List<Double> toList(double[] values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        return list;
    }
}
