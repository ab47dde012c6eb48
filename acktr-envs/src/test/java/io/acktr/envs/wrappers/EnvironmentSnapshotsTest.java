package io.acktr.envs.wrappers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acktr.api.env.Environment;
import io.acktr.api.env.StepResult;
import io.acktr.api.state.SavedState;
import io.acktr.envs.box2d.LunarLander;
import io.acktr.envs.classic.Acrobot;
import io.acktr.envs.classic.CartPole;
import io.acktr.envs.classic.MountainCar;
import io.acktr.envs.classic.MountainCarContinuous;
import io.acktr.envs.classic.Pendulum;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class EnvironmentSnapshotsTest {
    /** A chain with state in several layers: a time limit, a frame stack, a running return, a monitor. */
    private static Environment wrapped(Environment environment) {
        return new EpisodeMonitor(new FrameStack(new TimeLimit(environment, 60), 3));
    }

    /** Steps {@code steps} times with actions from {@code actions}, resetting after each episode; the trace as text. */
    private static String play(Environment environment, SplittableRandom actions, int steps) {
        StringBuilder trace = new StringBuilder();
        for (int t = 0; t < steps; t++) {
            double[] action = environment.actionSpace() instanceof io.acktr.api.env.DiscreteSpace discrete
                    ? new double[] {actions.nextInt(discrete.n())}
                    : new double[] {actions.nextDouble(-1, 1)};
            StepResult result = environment.step(action);
            trace.append(Arrays.toString(result.observation())).append(result.reward()).append(result.terminated())
                    .append(result.truncated()).append('\n');
            if (result.done()) {
                trace.append("reset ").append(Arrays.toString(environment.reset())).append('\n');
            }
        }
        return trace.toString();
    }

    private static void assertResumesMidEpisode(Supplier<Environment> create) {
        Environment original = wrapped(create.get());
        original.reset(5);
        play(original, new SplittableRandom(1), 137);
        SavedState saved = EnvironmentSnapshots.save(original).orElseThrow();

        Environment restored = wrapped(create.get());
        EnvironmentSnapshots.restore(restored, saved);

        assertThat(play(restored, new SplittableRandom(2), 300)).isEqualTo(play(original, new SplittableRandom(2), 300));
    }

    @Test
    void classicControlResumesMidEpisodeThroughItsWrappers() {
        assertResumesMidEpisode(CartPole::new);
        assertResumesMidEpisode(Acrobot::new);
        assertResumesMidEpisode(Pendulum::new);
        assertResumesMidEpisode(MountainCar::new);
        assertResumesMidEpisode(MountainCarContinuous::new);
    }

    @Test
    void aRestoredEnvironmentDiffersFromAFreshOneWithTheSameSeed() {
        Environment original = wrapped(new CartPole());
        original.reset(5);
        play(original, new SplittableRandom(1), 30);
        Environment fresh = wrapped(new CartPole());
        fresh.reset(5);
        assertThat(play(fresh, new SplittableRandom(2), 50)).isNotEqualTo(play(original, new SplittableRandom(2), 50));
    }

    @Test
    void anEnvironmentThatCannotSaveItselfHasNoSnapshot() {
        Environment lander = wrapped(LunarLander.discrete());
        lander.reset(3);
        assertThat(EnvironmentSnapshots.canSave(lander)).isFalse();
        assertThat(EnvironmentSnapshots.save(lander)).isEmpty();
        assertThatThrownBy(() -> EnvironmentSnapshots.restore(lander, SavedState.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be restored");
    }
}
