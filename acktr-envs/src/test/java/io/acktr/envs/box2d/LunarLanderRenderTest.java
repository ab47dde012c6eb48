package io.acktr.envs.box2d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acktr.api.env.RgbFrame;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LunarLanderRenderTest {
    @Test
    void frameIsSixHundredByFourHundredWithBlackSkyAboveAWhiteMoon() {
        LunarLander env = LunarLander.discrete();
        env.reset(3);

        RgbFrame frame = env.render();

        assertThat(frame.width()).isEqualTo(600);
        assertThat(frame.height()).isEqualTo(400);
        assertThat(frame.rgb(5, 5)).isEqualTo(LunarLanderRenderer.SKY);
        assertThat(frame.rgb(5, 399)).isEqualTo(LunarLanderRenderer.MOON);
        // The pad is levelled at a quarter of the height, 100 pixels above the bottom edge.
        assertThat(frame.rgb(300, 400 - 95)).isEqualTo(LunarLanderRenderer.MOON);
        assertThat(frame.rgb(300, 400 - 105)).isEqualTo(LunarLanderRenderer.SKY);
    }

    @Test
    void helipadFlagsStandAtBothEndsOfThePad() {
        LunarLander env = LunarLander.discrete();
        env.reset(3);

        RgbFrame frame = env.render();

        // The pad spans chunks 4 to 6 of 10: x = 240 and 360 pixels; flags 40 to 50 pixels above it.
        for (int x : new int[] {240, 360}) {
            assertThat(frame.rgb(x, 400 - 120)).isEqualTo(LunarLanderRenderer.FLAGPOLE);
            assertThat(frame.rgb(x + 5, 400 - 146)).isEqualTo(LunarLanderRenderer.FLAG);
        }
    }

    @Test
    void landerIsDrawnWhereItIs() {
        LunarLander env = new LunarLander(LanderControls.DISCRETE, new SplittableRandom());
        env.reset(3);
        env.placeLander(new double[] {-0.5, 0.5, 0, 0, 0, 0});

        RgbFrame frame = env.render();

        // x = -0.5 is 150 pixels from the left; y = 0.5 is 100 + 18 + 100 pixels above the bottom.
        assertThat(frame.rgb(150, 400 - 218)).isEqualTo(LunarLanderRenderer.BODY_FILL);
        assertThat(centreOf(frame, LunarLanderRenderer.BODY_FILL)[0]).isBetween(145.0, 155.0);
    }

    @Test
    void frameChangesAsTheLanderFalls() {
        LunarLander env = LunarLander.discrete();
        env.reset(12);
        RgbFrame before = env.render();
        double[] centreBefore = centreOf(before, LunarLanderRenderer.BODY_FILL);

        for (int i = 0; i < 20; i++) {
            env.step(new double[] {0});
        }
        RgbFrame after = env.render();
        double[] centreAfter = centreOf(after, LunarLanderRenderer.BODY_FILL);

        assertThat(after.pixels()).isNotEqualTo(before.pixels());
        assertThat(centreAfter[1]).as("rows grow downwards").isGreaterThan(centreBefore[1] + 10);
    }

    @Test
    void renderingBeforeResetIsAnError() {
        assertThatThrownBy(() -> LunarLander.discrete().render()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reset()");
    }

    /** The mean column and row of the pixels of one colour. */
    private static double[] centreOf(RgbFrame frame, int rgb) {
        double sumX = 0;
        double sumY = 0;
        int count = 0;
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                if (frame.rgb(x, y) == rgb) {
                    sumX += x;
                    sumY += y;
                    count++;
                }
            }
        }
        assertThat(count).as("pixels of colour %06x", rgb).isPositive();
        return new double[] {sumX / count, sumY / count};
    }
}
