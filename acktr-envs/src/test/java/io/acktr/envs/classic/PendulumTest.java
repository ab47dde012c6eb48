package io.acktr.envs.classic;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.InvalidActionException;
import io.acktr.api.env.StepResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Rewards carry Gymnasium's float32 torque term 0.001 u^2, so they are checked to 1e-9. */
class PendulumTest {
    @Test
    void hasGymnasiumIdAndSpaces() {
        Pendulum env = new Pendulum();

        assertThat(env.id()).isEqualTo("Pendulum-v1");
        assertThat(env.actionSpace()).isEqualTo(BoxSpace.uniform(-2.0, 2.0, 1));
        BoxSpace observations = (BoxSpace) env.observationSpace();
        assertThat(observations.low()).containsExactly(-1.0, -1.0, -8.0);
        assertThat(observations.high()).containsExactly(1.0, 1.0, 8.0);
    }

    @Test
    void threeStepsWithTorqueClippingMatchTheHandDerivedTrajectory() {
        Pendulum env = new Pendulum();
        env.setState(new double[] {1.0, 0.5});

        // Step 1: u = clip(5, -2, 2) = 2; cost = 1^2 + 0.1 * 0.5^2 + 0.001 * 2^2 = 1.029
        //   theta_dot' = 0.5 + (15 sin 1 + 3 * 2) * 0.05 = 0.5 + (12.6220647721 + 6) * 0.05 = 1.4311032386059224
        //   theta'     = 1 + 0.05 * theta_dot'                                     = 1.0715551619302959
        StepResult first = env.step(new double[] {5.0});
        assertThat(first.reward()).isCloseTo(-1.029, within(1e-9));
        assertObservation(first, 1.0715551619302959, 1.4311032386059224);

        // Step 2: u = clip(-3) = -2; cost = 1.0715551619302959^2 + 0.1 * 1.4311032386059224^2 + 0.004
        //   = 1.1482303... + 0.2048056... + 0.004 = 1.3570361130142985
        //   theta_dot' = 1.4311032386 + (15 sin 1.0715551619 - 6) * 0.05 = 1.7895628242030117
        StepResult second = env.step(new double[] {-3.0});
        assertThat(second.reward()).isCloseTo(-1.3570361130142985, within(1e-9));
        assertObservation(second, 1.0715551619302959 + 0.05 * 1.7895628242030117, 1.7895628242030117);

        // Step 3: u = 0.5 (inside the bounds); cost = 1.1610333031404467^2 + 0.1 * 1.7895628242^2 + 0.001 * 0.25
        //   = 1.6685018411781625; theta_dot' = 1.7895628242 + (15 sin 1.1610333031 + 1.5) * 0.05 = 2.5524742677373844
        StepResult third = env.step(new double[] {0.5});
        assertThat(third.reward()).isCloseTo(-1.6685018411781625, within(1e-9));
        assertObservation(third, 1.1610333031404467 + 0.05 * 2.5524742677373844, 2.5524742677373844);
        assertThat(third.terminated()).isFalse();
        assertThat(third.truncated()).isFalse();
    }

    @Test
    void clipsAngularSpeedToEight() {
        Pendulum env = new Pendulum();
        env.setState(new double[] {1.5, 7.9});

        // Step 1: u = clip(3) = 2; cost = 1.5^2 + 0.1 * 7.9^2 + 0.001 * 4 = 2.25 + 6.241 + 0.004 = 8.495
        //   theta_dot' = 7.9 + (15 sin 1.5 + 6) * 0.05 = 8.948... -> clipped to 8; theta' = 1.5 + 8 * 0.05 = 1.9
        StepResult first = env.step(new double[] {3.0});
        assertThat(first.reward()).isCloseTo(-8.495, within(1e-9));
        assertObservation(first, 1.9, 8.0);

        // Step 2: u = 2; cost = 1.9^2 + 0.1 * 8^2 + 0.004 = 3.61 + 6.4 + 0.004 = 10.014
        //   theta_dot' = 8 + (15 sin 1.9 + 6) * 0.05 > 8 -> 8; theta' = 1.9 + 0.4 = 2.3
        StepResult second = env.step(new double[] {2.0});
        assertThat(second.reward()).isCloseTo(-10.014, within(1e-9));
        assertObservation(second, 2.3, 8.0);

        Pendulum negative = new Pendulum();
        negative.setState(new double[] {-1.5, -7.9});
        // Mirror image: u = -2, theta_dot' = -8.948... -> -8; theta' = -1.9
        StepResult mirrored = negative.step(new double[] {-3.0});
        assertThat(mirrored.reward()).isCloseTo(-8.495, within(1e-9));
        assertObservation(mirrored, -1.9, -8.0);
    }

    @Test
    void costUsesTheAngleNormalizedIntoMinusPiToPi() {
        Pendulum env = new Pendulum();
        env.setState(new double[] {4.0, 0.0});
        // normalize(4) = 4 - 2 pi = -2.2831853071795862; cost = 5.212935... with zero speed and torque
        assertThat(env.step(new double[] {0.0}).reward()).isCloseTo(-(4 - 2 * Math.PI) * (4 - 2 * Math.PI), within(1e-12));

        assertThat(Pendulum.angleNormalize(4.0)).isCloseTo(-2.2831853071795862, within(1e-15));
        assertThat(Pendulum.angleNormalize(-4.0)).isCloseTo(2.2831853071795862, within(1e-15));
        assertThat(Pendulum.angleNormalize(0.5)).isCloseTo(0.5, within(1e-15));
        assertThat(Pendulum.angleNormalize(Math.PI)).isEqualTo(-Math.PI);
        assertThat(Pendulum.angleNormalize(-7.0)).isCloseTo(-7.0 + 2 * Math.PI, within(1e-15));
    }

    @Test
    void neverTerminates() {
        Pendulum env = new Pendulum();
        env.reset(3);
        for (int i = 0; i < 1000; i++) {
            StepResult result = env.step(new double[] {i % 2 == 0 ? 2.0 : -2.0});
            assertThat(result.done()).isFalse();
        }
    }

    @Test
    void resetSamplesAngleWithinPiAndSpeedWithinOne() {
        Pendulum env = new Pendulum();
        for (long seed = 0; seed < 100; seed++) {
            double[] observation = env.reset(seed);
            assertThat(observation[0] * observation[0] + observation[1] * observation[1]).isCloseTo(1.0, within(1e-6));
            assertThat(observation[2]).isBetween(-1.0, 1.0);
        }
    }

    @Test
    void rejectsActionsOfTheWrongLengthOrNotFinite() {
        Pendulum env = new Pendulum();
        env.reset(0);

        for (double[] action : new double[][] {{}, {1.0, 1.0}, {Double.NaN}, {Double.POSITIVE_INFINITY}}) {
            assertThatThrownBy(() -> env.step(action))
                    .isInstanceOf(InvalidActionException.class)
                    .hasMessageContaining("Pendulum-v1");
        }
    }

    @Test
    void steppingBeforeResetIsAnError() {
        assertThatThrownBy(() -> new Pendulum().step(new double[] {0.0}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Pendulum-v1");
    }

    private static void assertObservation(StepResult result, double theta, double thetaDot) {
        assertThat(result.observation())
                .containsExactly(Float32.round(Math.cos(theta), Math.sin(theta), thetaDot), within(1e-12));
    }
}
