package io.acktr.envs.providers;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.env.Environment;
import io.acktr.envs.box2d.BipedalWalker;
import io.acktr.envs.registry.EnvironmentRegistry;
import io.acktr.envs.wrappers.TimeLimit;
import org.junit.jupiter.api.Test;

class BipedalWalkerProviderTest {
    @Test
    void serviceLoaderFindsTheBipedalWalker() {
        EnvironmentRegistry registry = EnvironmentRegistry.load(BipedalWalkerProviderTest.class.getClassLoader());

        assertThat(registry.find("BipedalWalker-v3")).get().isInstanceOf(BipedalWalkerProvider.class);
    }

    @Test
    void walkerIsWrappedInASixteenHundredStepTimeLimit() {
        BipedalWalkerProvider provider = new BipedalWalkerProvider();
        Environment env = provider.create();

        assertThat(provider.description()).contains("Box(-1.0, 1.0, [4])").contains("1600 steps");
        assertThat(env.id()).isEqualTo("BipedalWalker-v3");
        assertThat(((TimeLimit) env).maxEpisodeSteps()).isEqualTo(1600);
        assertThat(((TimeLimit) env).environment()).isInstanceOf(BipedalWalker.class);
    }

    @Test
    void crouchingWalkerIsTruncatedAtSixteenHundredSteps() {
        Environment env = new BipedalWalkerProvider().create();
        env.reset(0);

        // Hips driven back and knees bent fold the walker into a crouch on its legs that never topples.
        int steps = 0;
        boolean truncated;
        boolean terminated;
        do {
            var result = env.step(new double[] {-1, -1, -1, -1});
            steps++;
            truncated = result.truncated();
            terminated = result.terminated();
        } while (!truncated && !terminated);

        assertThat(terminated).isFalse();
        assertThat(steps).isEqualTo(1600);
    }
}
