package io.acktr.envs.pixel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.InvalidActionException;
import io.acktr.api.env.RgbFrame;
import io.acktr.api.env.StepResult;
import io.acktr.envs.classic.Pendulum;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PixelPendulumTest {
    @Test
    void observesAThirtyTwoByThirtyTwoGreyImageWithPendulumsTorque() {
        PixelPendulum env = new PixelPendulum();

        assertThat(env.id()).isEqualTo("PixelPendulum-v1");
        BoxSpace observations = (BoxSpace) env.observationSpace();
        assertThat(observations.shape()).containsExactly(32, 32, 1);
        assertThat(observations).isEqualTo(BoxSpace.uniform(0.0, 1.0, 32, 32, 1));
        assertThat(env.actionSpace()).isEqualTo(new Pendulum().actionSpace());
    }

    @Test
    void everyObservationIsABlackAndWhiteImageInsideTheSpace() {
        PixelPendulum env = new PixelPendulum();
        SplittableRandom actions = new SplittableRandom(4);
        double[] observation = env.reset(11);
        for (int step = 0; step < 100; step++) {
            assertThat(env.observationSpace().contains(observation)).isTrue();
            assertThat(observation).hasSize(32 * 32).containsOnly(0.0, 1.0).contains(0.0, 1.0);
            observation = env.step(new double[] {actions.nextDouble(-2, 2)}).observation();
        }
    }

    @Test
    void theRodPointsUpWhenUprightDownWhenHangingAndLeftAfterAQuarterTurnCounterClockwise() {
        PixelPendulum env = new PixelPendulum();

        assertThat(massCentre(env.setState(new double[] {0, 0}))).satisfies(c -> {
            assertThat(c[0]).isCloseTo(0.0, within(0.01));
            assertThat(c[1]).isGreaterThan(4.0);
        });
        assertThat(massCentre(env.setState(new double[] {Math.PI, 0}))).satisfies(c -> {
            assertThat(c[0]).isCloseTo(0.0, within(0.01));
            assertThat(c[1]).isLessThan(-4.0);
        });
        assertThat(massCentre(env.setState(new double[] {Math.PI / 2, 0}))).satisfies(c -> {
            assertThat(c[0]).isLessThan(-4.0);
            assertThat(c[1]).isCloseTo(0.0, within(0.01));
        });
        assertThat(massCentre(env.setState(new double[] {-Math.PI / 2, 0}))[0]).isGreaterThan(4.0);
    }

    @Test
    void theMassCentreOfTheImageTurnsWithTheAngle() {
        PixelPendulum env = new PixelPendulum();
        for (int k = 0; k < 72; k++) {
            double theta = -Math.PI + k * (2 * Math.PI / 72);
            double[] centre = massCentre(env.setState(new double[] {theta, 0}));

            double seen = Math.atan2(centre[1], centre[0]);
            assertThat(angleBetween(seen, theta + Math.PI / 2)).as("direction of the rod at theta = %f", theta).isLessThan(0.06);
            assertThat(Math.hypot(centre[0], centre[1])).as("distance of the mass centre at theta = %f", theta).isBetween(5.0, 8.0);
        }
    }

    @Test
    void oneImageDoesNotShowTheAngularVelocity() {
        PixelPendulum env = new PixelPendulum();

        double[] turningLeft = env.setState(new double[] {0.3, 3.0});
        double[] turningRight = env.setState(new double[] {0.3, -3.0});

        assertThat(turningLeft).containsExactly(turningRight);
    }

    @Test
    void observationsAreTheImagesOfPendulumsAnglesWithPendulumsRewards() {
        PixelPendulum pixels = new PixelPendulum();
        Pendulum pendulum = new Pendulum();
        PendulumImage image = new PendulumImage(32);
        SplittableRandom actions = new SplittableRandom(8);

        double[] expected = pendulum.reset(21);
        assertThat(pixels.reset(21)).containsExactly(image.draw(expected[0], expected[1]));
        for (int step = 0; step < 300; step++) {
            double[] action = {actions.nextDouble(-3, 3)};
            StepResult reference = pendulum.step(action);
            StepResult result = pixels.step(action);

            assertThat(result.reward()).isEqualTo(reference.reward());
            assertThat(result.terminated()).isEqualTo(reference.terminated());
            assertThat(result.truncated()).isEqualTo(reference.truncated());
            assertThat(result.observation()).containsExactly(image.draw(reference.observation()[0], reference.observation()[1]));
        }
    }

    @Test
    void theSameSeedGivesTheSameEpisodesAndResetContinuesTheStream() {
        PixelPendulum first = new PixelPendulum();
        PixelPendulum second = new PixelPendulum();

        assertThat(first.reset(5)).containsExactly(second.reset(5));
        for (int step = 0; step < 20; step++) {
            assertThat(first.step(new double[] {0.5}).observation()).containsExactly(second.step(new double[] {0.5}).observation());
        }
        assertThat(first.reset()).containsExactly(second.reset());
        assertThat(Arrays.equals(new PixelPendulum().reset(1), new PixelPendulum().reset(2))).isFalse();
    }

    @Test
    void renderDrawsPendulumsPictureOfTheSameState() {
        PixelPendulum pixels = new PixelPendulum();
        Pendulum pendulum = new Pendulum();
        pixels.reset(3);
        pendulum.reset(3);
        pixels.step(new double[] {1.5});
        pendulum.step(new double[] {1.5});

        RgbFrame frame = pixels.render();

        assertThat(frame.width()).isEqualTo(500);
        assertThat(frame.height()).isEqualTo(500);
        assertThat(frame.pixels()).isEqualTo(pendulum.render().pixels());
    }

    @Test
    void otherImageSizesScaleThePicture() {
        PixelPendulum large = new PixelPendulum(48);
        assertThat(((BoxSpace) large.observationSpace()).shape()).containsExactly(48, 48, 1);
        double[] centre = massCentre(large.setState(new double[] {0, 0}));
        assertThat(centre[1]).isGreaterThan(6.0);

        assertThatThrownBy(() -> new PixelPendulum(8)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16");
    }

    @Test
    void invalidActionsAndSteppingOrRenderingBeforeResetNameTheEnvironment() {
        PixelPendulum env = new PixelPendulum();
        assertThatThrownBy(() -> env.step(new double[] {0})).isInstanceOf(IllegalStateException.class).hasMessageContaining("PixelPendulum-v1");
        assertThatThrownBy(env::render).isInstanceOf(IllegalStateException.class).hasMessageContaining("PixelPendulum-v1");

        env.reset(0);
        for (double[] action : new double[][] {{}, {1.0, 1.0}, {Double.NaN}}) {
            assertThatThrownBy(() -> env.step(action)).isInstanceOf(InvalidActionException.class).hasMessageContaining("PixelPendulum-v1");
        }
    }

    /** The mass centre of a square image in pixels from its centre, x to the right and y up. */
    static double[] massCentre(double[] image) {
        int size = (int) Math.round(Math.sqrt(image.length));
        double mass = 0;
        double x = 0;
        double y = 0;
        for (int row = 0; row < size; row++) {
            for (int column = 0; column < size; column++) {
                double value = image[row * size + column];
                mass += value;
                x += value * (column + 0.5 - size / 2.0);
                y += value * (size / 2.0 - row - 0.5);
            }
        }
        return new double[] {x / mass, y / mass};
    }

    private static double angleBetween(double a, double b) {
        return Math.abs(Math.IEEEremainder(a - b, 2 * Math.PI));
    }
}
