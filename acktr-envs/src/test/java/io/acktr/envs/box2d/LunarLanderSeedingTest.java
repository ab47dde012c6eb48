package io.acktr.envs.box2d;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.env.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class LunarLanderSeedingTest {
    @Test
    void sameSeedGivesIdenticalDiscreteEpisodes() {
        assertThat(episode(LunarLander::discrete, 42, new double[] {2})).isEqualTo(episode(LunarLander::discrete, 42, new double[] {2}));
    }

    @Test
    void differentSeedsGiveDifferentDiscreteEpisodes() {
        assertThat(episode(LunarLander::discrete, 42, new double[] {2})).isNotEqualTo(episode(LunarLander::discrete, 43, new double[] {2}));
    }

    @Test
    void sameSeedGivesIdenticalContinuousEpisodes() {
        double[] action = {0.3, -0.8};
        assertThat(episode(LunarLander::continuous, 7, action)).isEqualTo(episode(LunarLander::continuous, 7, action));
    }

    @Test
    void differentSeedsGiveDifferentContinuousEpisodes() {
        double[] action = {0.3, -0.8};
        assertThat(episode(LunarLander::continuous, 7, action)).isNotEqualTo(episode(LunarLander::continuous, 8, action));
    }

    @Test
    void differentSeedsGiveDifferentTerrain() {
        LunarLander first = LunarLander.discrete();
        LunarLander second = LunarLander.discrete();
        first.reset(1);
        second.reset(2);

        assertThat(first.render().pixels()).isNotEqualTo(second.render().pixels());
    }

    @Test
    void unseededResetContinuesTheSeededStream() {
        LunarLander first = LunarLander.discrete();
        LunarLander second = LunarLander.discrete();
        first.reset(5);
        second.reset(5);

        double[] next = first.reset();

        assertThat(next).containsExactly(second.reset());
        assertThat(next).isNotEqualTo(LunarLander.discrete().reset(5));
    }

    @Test
    void continuousIdleThrottlesReplayTheDiscreteIdleEpisode() {
        // Both variants draw terrain, push and dispersion in the same order, so doing nothing is the same episode.
        assertThat(episode(LunarLander::continuous, 3, new double[] {-1, 0.5}))
                .isEqualTo(episode(LunarLander::discrete, 3, new double[] {0}));
    }

    /** Observations and rewards of up to 60 steps after {@code reset(seed)}, as lists so equality compares values. */
    private static List<List<Double>> episode(Supplier<LunarLander> factory, long seed, double[] action) {
        LunarLander env = factory.get();
        List<List<Double>> trace = new ArrayList<>();
        trace.add(toList(env.reset(seed)));
        for (int i = 0; i < 60; i++) {
            StepResult result = env.step(action);
            List<Double> row = toList(result.observation());
            row.add(result.reward());
            trace.add(row);
            if (result.done()) {
                break;
            }
        }
        return trace;
    }

    private static List<Double> toList(double[] values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        return list;
    }
}
