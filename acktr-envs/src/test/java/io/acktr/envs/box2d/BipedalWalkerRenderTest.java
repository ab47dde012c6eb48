package io.acktr.envs.box2d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acktr.api.env.RgbFrame;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BipedalWalkerRenderTest {
    @Test
    void frameShowsSkyGrassAndTheWalkerAFifthOfTheWayIn() {
        BipedalWalker env = new BipedalWalker(new SplittableRandom());
        env.reset(0);

        RgbFrame frame = env.render();

        assertThat(frame.width()).isEqualTo(600);
        assertThat(frame.height()).isEqualTo(400);
        assertThat(frame.rgb(599, 150)).isIn(BipedalWalkerRenderer.SKY, BipedalWalkerRenderer.CLOUD);
        assertThat(frame.rgb(300, 399)).isEqualTo(BipedalWalkerRenderer.GRASS);
        // The hull is at a fifth of the width (120 px); its origin is drawn at 400 - 30 * y.
        int hullRow = (int) Math.round(400 - 30 * env.placeWalker(env.hullX(), 5.0, 0, 0, 0)[0] - 30 * 5.0);
        frame = env.render();
        assertThat(frame.rgb(120, hullRow)).isEqualTo(BipedalWalkerRenderer.HULL_FILL);
    }

    @Test
    void startFlagIsInViewAtTheStartAndScrollsAwayAsTheWalkerAdvances() {
        BipedalWalker env = new BipedalWalker(new SplittableRandom());
        env.reset(0);
        assertThat(count(env.render(), BipedalWalkerRenderer.FLAG)).isPositive();

        env.placeWalker(60, env.terrainHeightAt(60) + 3, 0, 0, 0);

        assertThat(count(env.render(), BipedalWalkerRenderer.FLAG)).isZero();
    }

    @Test
    void frameChangesAsTheWalkerMoves() {
        BipedalWalker env = new BipedalWalker(new SplittableRandom());
        env.reset(0);
        RgbFrame before = env.render();
        WalkerHeuristic heuristic = new WalkerHeuristic();
        double[] observation = env.step(new double[4]).observation();
        for (int i = 0; i < 100; i++) {
            observation = env.step(heuristic.act(observation)).observation();
        }

        RgbFrame after = env.render();

        assertThat(after.pixels()).isNotEqualTo(before.pixels());
    }

    @Test
    void oneLidarRayIsDrawnOnEachOfTheFirstTwentyFramesOfAHundred() {
        BipedalWalker env = new BipedalWalker(new SplittableRandom());
        env.reset(0);

        // Frames 1 to 9 show rays 1 to 9, frames 10 to 19 rays 9 down to 0. Ray 0 points straight down
        // and is drawn before the walker, as in Gymnasium, so the legs hide it on frame 19.
        for (int frame = 1; frame < 100; frame++) {
            int red = count(env.render(), BipedalWalkerRenderer.LIDAR);
            if (frame == 19) {
                continue;
            }
            if (frame < 20) {
                assertThat(red).as("frame %d", frame).isPositive();
            } else {
                assertThat(red).as("frame %d", frame).isZero();
            }
        }
    }

    @Test
    void renderingBeforeResetIsAnError() {
        assertThatThrownBy(() -> new BipedalWalker().render()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reset()");
    }

    private static int count(RgbFrame frame, int rgb) {
        int count = 0;
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                if (frame.rgb(x, y) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }
}
