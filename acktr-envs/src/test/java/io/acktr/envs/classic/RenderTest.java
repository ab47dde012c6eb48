package io.acktr.envs.classic;

import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.Environment;
import io.acktr.api.env.RgbFrame;
import io.acktr.envs.providers.AcrobotProvider;
import io.acktr.envs.providers.CartPoleProvider;
import io.acktr.envs.providers.MountainCarContinuousProvider;
import io.acktr.envs.providers.MountainCarProvider;
import io.acktr.envs.providers.PendulumProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checks pixels of the rendered frames, in Gymnasium's drawing coordinates (origin bottom-left, y up). */
class RenderTest {
    private static final int WHITE = 0xFFFFFF;
    private static final int BLACK = 0x000000;
    private static final int POLE = 0xCA9865;
    private static final int ROD = 0xCC4D4D;
    private static final int LINK = 0x00CCCC;
    private static final int JOINT = 0xCCCC00;
    private static final int FLAG = 0xCCCC00;

    @Test
    void cartPoleFramesShowThePoleTiltAndTheCartMove() {
        CartPole env = new CartPole();
        env.setState(new double[] {0, 0, 0, 0});
        RgbFrame upright = env.render();
        env.setState(new double[] {0, 0, 0.2, 0});
        RgbFrame tilted = env.render();
        env.setState(new double[] {1.0, 0, 0, 0});
        RgbFrame moved = env.render();

        assertThat(upright.width()).isEqualTo(600);
        assertThat(upright.height()).isEqualTo(400);
        // The axle is at (300, 107.5); the pole rises 120 px above it, 10 px wide.
        assertThat(colourAt(upright, 300, 200)).isEqualTo(POLE);
        assertThat(colourAt(upright, 300, 100)).isEqualTo(BLACK); // cart and track
        assertThat(colourAt(upright, 300, 300)).isEqualTo(WHITE);
        // Tilted 0.2 rad to the right, the point 100 px up the pole moves to (319.9, 205.5).
        assertThat(colourAt(tilted, 300, 200)).isEqualTo(WHITE);
        assertThat(colourAt(tilted, 319, 205)).isEqualTo(POLE);
        // x = 1 puts the cart 125 px to the right.
        assertThat(colourAt(upright, 440, 110)).isEqualTo(WHITE);
        assertThat(colourAt(moved, 440, 110)).isEqualTo(BLACK);
        assertThat(colourAt(moved, 425, 200)).isEqualTo(POLE);
    }

    @Test
    void pendulumFramesShowTheRodAngleAndTheLastTorque() {
        Pendulum env = new Pendulum();
        env.setState(new double[] {0, 0});
        RgbFrame up = env.render();
        env.setState(new double[] {Math.PI, 0});
        RgbFrame down = env.render();

        assertThat(up.width()).isEqualTo(500);
        assertThat(up.height()).isEqualTo(500);
        // The axle is at (250, 250) and the rod is 113.6 px long.
        assertThat(colourAt(up, 250, 330)).isEqualTo(ROD);
        assertThat(colourAt(up, 250, 170)).isEqualTo(WHITE);
        assertThat(colourAt(down, 250, 170)).isEqualTo(ROD);
        assertThat(colourAt(down, 250, 330)).isEqualTo(WHITE);
        assertThat(colourAt(up, 250, 250)).isEqualTo(BLACK);

        // No torque bar until a step has applied a torque; then it points the torque's way.
        assertThat(colourAt(down, 280, 28)).isEqualTo(WHITE);
        env.step(new double[] {2.0});
        RgbFrame pushed = env.render();
        assertThat(colourAt(pushed, 280, 28)).isEqualTo(BLACK);
        assertThat(colourAt(pushed, 220, 28)).isEqualTo(WHITE);
    }

    @Test
    void acrobotFramesShowTheLinksAndTheGoalLine() {
        Acrobot env = new Acrobot();
        env.setState(new double[] {0, 0, 0, 0});
        RgbFrame hanging = env.render();
        env.setState(new double[] {Math.PI / 2, 0, 0, 0});
        RgbFrame raised = env.render();

        assertThat(hanging.width()).isEqualTo(500);
        assertThat(hanging.height()).isEqualTo(500);
        // Scale 500 / 4.4 = 113.6 px per link; the base is at (250, 250), the goal line at y = 363.6.
        assertThat(colourAt(hanging, 250, 190)).isEqualTo(LINK);
        assertThat(colourAt(hanging, 250, 250 - 113)).isEqualTo(JOINT);
        assertThat(colourAt(hanging, 250, 250 - 180)).isEqualTo(LINK);
        assertThat(colourAt(hanging, 310, 250)).isEqualTo(WHITE);
        assertThat(colourAt(hanging, 100, 363)).isEqualTo(BLACK);
        // theta1 = pi/2 swings both links out to the right.
        assertThat(colourAt(raised, 310, 250)).isEqualTo(LINK);
        assertThat(colourAt(raised, 250 + 113, 250)).isEqualTo(JOINT);
        assertThat(colourAt(raised, 250, 190)).isEqualTo(WHITE);
    }

    @Test
    void mountainCarFramesShowTheCarWhereItIsAndTheFlagAtTheGoal() {
        MountainCar env = new MountainCar();
        env.setState(new double[] {-0.5, 0});
        RgbFrame valley = env.render();
        env.setState(new double[] {0.3, 0});
        RgbFrame slope = env.render();

        assertThat(valley.width()).isEqualTo(600);
        assertThat(valley.height()).isEqualTo(400);
        // At -0.5 the car's body centre is at (232.6, 53.7): scale 600 / 1.8, hill height 0.101, 10 px clearance.
        assertThat(colourAt(valley, 232, 53)).isEqualTo(BLACK);
        assertThat(colourAt(slope, 232, 53)).isEqualTo(WHITE);
        // The flag at 0.5: pole at x = 566 from y = 332 to 382, pennant to x = 591.
        assertThat(colourAt(valley, 570, 377)).isEqualTo(FLAG);
        assertThat(colourAt(valley, 566, 350)).isEqualTo(BLACK);
    }

    @Test
    void theContinuousMountainCarPlantsItsFlagAtItsLowerGoal() {
        MountainCarContinuous env = new MountainCarContinuous();
        env.setState(new double[] {-0.5, 0});
        RgbFrame frame = env.render();

        // The flag at 0.45: pole at x = 550 from y = 329 to 379.
        assertThat(colourAt(frame, 554, 374)).isEqualTo(FLAG);
        assertThat(colourAt(frame, 570, 377)).isEqualTo(WHITE);
        assertThat(colourAt(frame, 232, 53)).isEqualTo(BLACK);
    }

    @Test
    void theSameStateDrawsTheSameFrame() {
        CartPole first = new CartPole();
        CartPole second = new CartPole();
        first.reset(9);
        second.reset(9);

        assertThat(first.render().pixels()).isEqualTo(second.render().pixels());
        first.step(new double[] {1});
        assertThat(first.render().pixels()).isNotEqualTo(second.render().pixels());
    }

    @Test
    void everyRegisteredEnvironmentRendersThroughItsTimeLimitAndChangesAsItMoves() {
        List<Supplier<Environment>> providers = List.of(new CartPoleProvider()::create, new PendulumProvider()::create,
                new AcrobotProvider()::create, new MountainCarProvider()::create, new MountainCarContinuousProvider()::create);
        for (Supplier<Environment> provider : providers) {
            Environment env = provider.get();
            env.reset(1);
            RgbFrame before = env.render();
            // The last action of every discrete space pushes; 1.0 pushes every continuous one.
            double[] action = env.actionSpace() instanceof DiscreteSpace discrete ? new double[] {discrete.n() - 1}
                    : new double[] {1.0};
            for (int i = 0; i < 5; i++) {
                env.step(action);
            }
            assertThat(env.render().pixels()).as(env.id()).isNotEqualTo(before.pixels());
        }
    }

    @Test
    void renderingBeforeResetIsAnError() {
        List<Environment> environments = List.of(new CartPole(), new Pendulum(), new Acrobot(), new MountainCar(),
                new MountainCarContinuous());
        for (Environment env : environments) {
            assertThatThrownBy(env::render)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(env.id())
                    .hasMessageContaining("reset()");
        }
    }

    /** The colour at {@code (x, y)} with y counted up from the bottom row, as the environments draw. */
    private static int colourAt(RgbFrame frame, int x, int y) {
        return frame.rgb(x, frame.height() - 1 - y);
    }
}
