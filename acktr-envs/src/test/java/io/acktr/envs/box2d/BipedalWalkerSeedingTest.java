package io.acktr.envs.box2d;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.env.StepResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BipedalWalkerSeedingTest {
    private static final double[] ACTION = {0.6, -0.4, -0.6, 0.4};

    @Test
    void sameSeedGivesIdenticalEpisodes() {
        assertThat(episode(42)).isEqualTo(episode(42));
    }

    @Test
    void differentSeedsGiveDifferentEpisodes() {
        assertThat(episode(42)).isNotEqualTo(episode(43));
    }

    @Test
    void differentSeedsGiveDifferentTerrain() {
        BipedalWalker first = new BipedalWalker();
        BipedalWalker second = new BipedalWalker();
        first.reset(1);
        second.reset(2);

        double[] firstHeights = new double[20];
        double[] secondHeights = new double[20];
        for (int i = 0; i < 20; i++) {
            firstHeights[i] = first.terrainHeightAt(20 + 3 * i);
            secondHeights[i] = second.terrainHeightAt(20 + 3 * i);
        }
        assertThat(firstHeights).isNotEqualTo(secondHeights);
        assertThat(first.terrainHeightAt(5)).isEqualTo(second.terrainHeightAt(5)).isEqualTo(WalkerTerrain.TERRAIN_HEIGHT);
    }

    @Test
    void unseededResetContinuesTheSeededStream() {
        BipedalWalker first = new BipedalWalker();
        BipedalWalker second = new BipedalWalker();
        first.reset(5);
        second.reset(5);

        double[] next = first.reset();

        assertThat(next).containsExactly(second.reset());
        assertThat(next).isNotEqualTo(new BipedalWalker().reset(5));
    }

    /** Observations and rewards of up to 100 steps after {@code reset(seed)}, as lists so equality compares values. */
    private static List<List<Double>> episode(long seed) {
        BipedalWalker env = new BipedalWalker();
        List<List<Double>> trace = new ArrayList<>();
        trace.add(toList(env.reset(seed)));
        for (int i = 0; i < 100; i++) {
            StepResult result = env.step(ACTION);
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
