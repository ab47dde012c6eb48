package io.acktr.envs.minatar;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.state.SavedState;
import io.acktr.api.env.StepResult;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class MinAtarSnapshotTest {
    private static final List<Supplier<MinAtarGame>> GAMES = List.of(Asterix::new, Breakout::new, Freeway::new,
            Seaquest::new, SpaceInvaders::new);

    /** {@code steps} steps with random actions, resetting after each episode; the trace as text. */
    private static String play(MinAtarGame game, SplittableRandom actions, int steps) {
        StringBuilder trace = new StringBuilder();
        for (int t = 0; t < steps; t++) {
            StepResult result = game.step(new double[] {actions.nextInt(6)});
            trace.append(Arrays.toString(result.observation())).append(result.reward()).append(result.terminated()).append('\n');
            if (result.done()) {
                trace.append("reset ").append(Arrays.toString(game.reset())).append('\n');
            }
        }
        return trace.toString();
    }

    @Test
    void everyGameResumesMidEpisodeWithItsStickyActionsAndSpawns() {
        for (Supplier<MinAtarGame> create : GAMES) {
            MinAtarGame original = create.get();
            original.reset(9);
            play(original, new SplittableRandom(3), 311);
            SavedState saved = original.saveState();

            MinAtarGame restored = create.get();
            restored.restoreState(saved);

            assertThat(play(restored, new SplittableRandom(4), 600)).as(original.id())
                    .isEqualTo(play(original, new SplittableRandom(4), 600));
        }
    }

    @Test
    void aGameRestoredFromAnotherEpisodeContinuesDifferently() {
        MinAtarGame original = new Breakout();
        original.reset(9);
        play(original, new SplittableRandom(3), 40);
        MinAtarGame other = new Breakout();
        other.reset(10);
        play(other, new SplittableRandom(3), 40);
        MinAtarGame restored = new Breakout();
        restored.restoreState(other.saveState());
        assertThat(play(restored, new SplittableRandom(4), 200)).isNotEqualTo(play(original, new SplittableRandom(4), 200));
    }
}
