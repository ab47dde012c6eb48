package io.acktr.envs.providers;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.Environment;
import io.acktr.api.env.EnvironmentProvider;
import io.acktr.api.env.StepResult;
import io.acktr.envs.registry.EnvironmentRegistry;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PixelPendulumProvidersTest {
    @Test
    void everyPixelPendulumHasPendulumsRewardsAndTwoHundredStepEpisodesForTheSameSeedAndActions() {
        for (EnvironmentProvider provider : new EnvironmentProvider[] {new PixelPendulumProvider(), new PixelPendulumStackedProvider(),
                new PixelPendulumAtariProvider()}) {
            Environment pixels = provider.create();
            Environment pendulum = new PendulumProvider().create();
            SplittableRandom actions = new SplittableRandom(17);
            pixels.reset(17);
            pendulum.reset(17);

            int episodes = 0;
            for (int step = 1; step <= 450; step++) {
                double[] action = {actions.nextDouble(-2.5, 2.5)};
                StepResult reference = pendulum.step(action);
                StepResult result = pixels.step(action);

                assertThat(result.reward()).as("%s reward at step %d", provider.id(), step).isEqualTo(reference.reward());
                assertThat(result.terminated()).isFalse().isEqualTo(reference.terminated());
                assertThat(result.truncated()).as("%s truncated at step %d", provider.id(), step)
                        .isEqualTo(reference.truncated()).isEqualTo(step % 200 == 0);
                if (result.done()) {
                    pixels.reset();
                    pendulum.reset();
                    episodes++;
                }
            }
            assertThat(episodes).isEqualTo(2);
        }
    }

    @Test
    void theStackedPendulumObservesTheLastThreeImages() {
        Environment env = new PixelPendulumStackedProvider().create();

        assertThat(env.id()).isEqualTo("PixelPendulumStacked-v1");
        assertThat(((BoxSpace) env.observationSpace()).shape()).containsExactly(32, 32, 3);
        assertThat(env.reset(0)).hasSize(32 * 32 * 3);
        assertThat(((BoxSpace) new PixelPendulumProvider().create().observationSpace()).shape()).containsExactly(32, 32, 1);
    }

    @Test
    void theAtariShapedPendulumObservesTheLastFourImagesOf84By84Pixels() {
        Environment env = new PixelPendulumAtariProvider().create();

        assertThat(env.id()).isEqualTo("PixelPendulumAtari-v1");
        assertThat(((BoxSpace) env.observationSpace()).shape()).containsExactly(84, 84, 4);
        double[] first = env.reset(3);
        assertThat(first).hasSize(84 * 84 * 4);
        // After a reset all four frames are the first image; a step shifts the stack by one frame.
        double[] next = env.step(new double[] {2.0}).observation();
        for (int pixel = 0; pixel < 84 * 84; pixel++) {
            for (int frame = 0; frame < 3; frame++) {
                assertThat(next[pixel * 4 + frame]).isEqualTo(first[pixel * 4 + frame + 1]);
            }
        }
        double lit = 0;
        for (double value : first) {
            lit += value;
        }
        assertThat(lit).as("lit pixels of the first stack").isPositive();
    }

    @Test
    void serviceLoaderFindsEveryPixelPendulum() {
        EnvironmentRegistry registry = EnvironmentRegistry.load(PixelPendulumProvidersTest.class.getClassLoader());

        assertThat(registry.problems()).isEmpty();
        assertThat(registry.find("PixelPendulum-v1")).get().isInstanceOf(PixelPendulumProvider.class);
        assertThat(registry.find("PixelPendulumStacked-v1")).get().isInstanceOf(PixelPendulumStackedProvider.class);
        assertThat(registry.find("PixelPendulumAtari-v1")).get().isInstanceOf(PixelPendulumAtariProvider.class);
        try (Environment env = registry.create("PixelPendulumStacked-v1")) {
            assertThat(env.reset(1)).hasSize(3072);
            assertThat(env.step(new double[] {0.0}).observation()).hasSize(3072);
        }
    }
}
