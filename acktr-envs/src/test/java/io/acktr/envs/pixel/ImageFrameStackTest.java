package io.acktr.envs.pixel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.StepResult;
import io.acktr.envs.classic.Pendulum;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageFrameStackTest {
    private static final int PIXELS = 32 * 32;

    @Test
    void theObservationHoldsTheFramesAlongTheChannelAxis() {
        ImageFrameStack stacked = new ImageFrameStack(new PixelPendulum(), 3, "PixelPendulumStacked-v1");

        assertThat(stacked.id()).isEqualTo("PixelPendulumStacked-v1");
        assertThat(stacked.observationSpace()).isEqualTo(BoxSpace.uniform(0.0, 1.0, 32, 32, 3));
        assertThat(stacked.actionSpace()).isEqualTo(new PixelPendulum().actionSpace());
        assertThat(new ImageFrameStack(new PixelPendulum(), 4).id()).isEqualTo("PixelPendulum-v1");
    }

    @Test
    void resetFillsEveryFrameWithTheFirstImage() {
        ImageFrameStack stacked = new ImageFrameStack(new PixelPendulum(), 3);
        double[] first = new PixelPendulum().reset(9);

        double[] observation = stacked.reset(9);

        assertThat(observation).hasSize(3 * PIXELS);
        for (int frame = 0; frame < 3; frame++) {
            assertThat(channel(observation, 3, frame)).as("frame %d", frame).containsExactly(first);
        }
    }

    @Test
    void eachStepDropsTheOldestImageAndAppendsTheNewest() {
        ImageFrameStack stacked = new ImageFrameStack(new PixelPendulum(), 3);
        PixelPendulum single = new PixelPendulum();
        List<double[]> images = new ArrayList<>();
        images.add(single.reset(2));
        stacked.reset(2);

        for (int step = 1; step <= 6; step++) {
            double[] action = {step % 2 == 0 ? 2.0 : -1.0};
            images.add(single.step(action).observation());
            double[] observation = stacked.step(action).observation();

            for (int frame = 0; frame < 3; frame++) {
                int shown = Math.max(0, step - 2 + frame);
                assertThat(channel(observation, 3, frame)).as("step %d, frame %d", step, frame).containsExactly(images.get(shown));
            }
        }
    }

    @Test
    void aResetAfterStepsStartsAFreshStack() {
        ImageFrameStack stacked = new ImageFrameStack(new PixelPendulum(), 3);
        stacked.reset(4);
        for (int step = 0; step < 5; step++) {
            stacked.step(new double[] {2.0});
        }

        double[] observation = stacked.reset(5);

        double[] first = new PixelPendulum().reset(5);
        for (int frame = 0; frame < 3; frame++) {
            assertThat(channel(observation, 3, frame)).containsExactly(first);
        }
    }

    @Test
    void theChannelsOfEachFrameStayTogether() {
        ImageFrameStack pairs = new ImageFrameStack(new PixelPendulum(), 2);
        ImageFrameStack stackedPairs = new ImageFrameStack(new ImageFrameStack(new PixelPendulum(), 2), 2);
        assertThat(((BoxSpace) stackedPairs.observationSpace()).shape()).containsExactly(32, 32, 4);

        double[] before = pairs.reset(6);
        stackedPairs.reset(6);
        double[] after = pairs.step(new double[] {1.0}).observation();
        double[] observation = stackedPairs.step(new double[] {1.0}).observation();

        for (int p = 0; p < PIXELS; p++) {
            assertThat(new double[] {observation[4 * p], observation[4 * p + 1], observation[4 * p + 2], observation[4 * p + 3]})
                    .containsExactly(before[2 * p], before[2 * p + 1], after[2 * p], after[2 * p + 1]);
        }
    }

    @Test
    void rewardsAndEpisodeEndsPassThroughUnchanged() {
        ImageFrameStack stacked = new ImageFrameStack(new PixelPendulum(), 3);
        Pendulum pendulum = new Pendulum();
        stacked.reset(12);
        pendulum.reset(12);

        for (int step = 0; step < 50; step++) {
            double[] action = {Math.sin(step)};
            StepResult reference = pendulum.step(action);
            StepResult result = stacked.step(action);
            assertThat(result.reward()).isEqualTo(reference.reward());
            assertThat(result.terminated()).isEqualTo(reference.terminated());
            assertThat(result.truncated()).isEqualTo(reference.truncated());
        }
    }

    @Test
    void observationsThatAreNotImagesAreRefusedNamingTheEnvironmentAndSpace() {
        assertThatThrownBy(() -> new ImageFrameStack(new Pendulum(), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Pendulum-v1")
                .hasMessageContaining("[3]");
        assertThatThrownBy(() -> new ImageFrameStack(new PixelPendulum(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void steppingBeforeResetIsAnErrorNamingTheStackedId() {
        ImageFrameStack stacked = new ImageFrameStack(new PixelPendulum(), 3, "PixelPendulumStacked-v1");

        assertThatThrownBy(() -> stacked.step(new double[] {0.0}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PixelPendulumStacked-v1");
    }

    /** Frame {@code frame} of a stacked single-channel image. */
    private static double[] channel(double[] observation, int frames, int frame) {
        double[] values = new double[observation.length / frames];
        for (int p = 0; p < values.length; p++) {
            values[p] = observation[p * frames + frame];
        }
        return values;
    }
}
