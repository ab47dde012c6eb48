package io.acktr.envs.providers;

import io.acktr.api.env.Environment;
import io.acktr.api.env.StepResult;
import io.acktr.envs.classic.Acrobot;
import io.acktr.envs.classic.CartPole;
import io.acktr.envs.wrappers.TimeLimit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProvidersTest {
    @Test
    void cartPoleIsWrappedInAFiveHundredStepTimeLimit() {
        Environment env = new CartPoleProvider().create();
        double[] observation = env.reset(0);

        // A linear balancing controller (push toward the side the pole and cart are moving) keeps
        // the pole up, so only the time limit can end the episode.
        int steps = 0;
        StepResult result;
        do {
            double signal = observation[2] + 0.5 * observation[3] + 0.01 * observation[0] + 0.1 * observation[1];
            result = env.step(new double[] {signal > 0 ? 1 : 0});
            observation = result.observation();
            steps++;
            assertThat(result.terminated()).as("terminated at step %d", steps).isFalse();
            assertThat(result.truncated()).as("truncated at step %d", steps).isEqualTo(steps == 500);
        } while (!result.done());

        assertThat(steps).isEqualTo(500);
        assertThat(env.id()).isEqualTo("CartPole-v1");
        assertThat(((TimeLimit) env).environment()).isInstanceOf(CartPole.class);
    }

    @Test
    void pendulumIsTruncatedAtTwoHundredStepsAndNeverTerminated() {
        Environment env = new PendulumProvider().create();
        env.reset(0);

        for (int step = 1; step <= 200; step++) {
            StepResult result = env.step(new double[] {1.0});
            assertThat(result.terminated()).isFalse();
            assertThat(result.truncated()).as("truncated at step %d", step).isEqualTo(step == 200);
        }
        assertThat(env.id()).isEqualTo("Pendulum-v1");
    }

    @Test
    void acrobotWithoutTorqueNeverReachesTheLineAndIsTruncatedAtFiveHundredSteps() {
        Environment env = new AcrobotProvider().create();
        env.reset(0);

        for (int step = 1; step <= 500; step++) {
            StepResult result = env.step(new double[] {1});
            assertThat(result.terminated()).isFalse();
            assertThat(result.reward()).isEqualTo(-1.0);
            assertThat(result.truncated()).as("truncated at step %d", step).isEqualTo(step == 500);
        }
        assertThat(env.id()).isEqualTo("Acrobot-v1");
        assertThat(((TimeLimit) env).environment()).isInstanceOf(Acrobot.class);
    }

    @Test
    void acrobotPumpingWithTheSecondLinkReachesTheLineBeforeTheLimit() {
        Environment env = new AcrobotProvider().create();
        double[] observation = env.reset(0);

        // Torque in the direction the second link swings pumps energy into the arm.
        StepResult result;
        int steps = 0;
        do {
            result = env.step(new double[] {observation[5] > 0 ? 2 : 0});
            observation = result.observation();
            steps++;
        } while (!result.done());

        assertThat(result.terminated()).isTrue();
        assertThat(result.truncated()).isFalse();
        assertThat(result.reward()).isEqualTo(0.0);
        assertThat(steps).isLessThan(500);
    }

    @Test
    void mountainCarCoastingIsTruncatedAtTwoHundredSteps() {
        Environment env = new MountainCarProvider().create();
        env.reset(0);

        for (int step = 1; step <= 200; step++) {
            StepResult result = env.step(new double[] {1});
            assertThat(result.terminated()).isFalse();
            assertThat(result.truncated()).as("truncated at step %d", step).isEqualTo(step == 200);
        }
        assertThat(env.id()).isEqualTo("MountainCar-v0");
    }

    @Test
    void mountainCarPushingWithTheVelocityReachesTheFlag() {
        Environment env = new MountainCarProvider().create();
        double[] observation = env.reset(0);

        StepResult result;
        do {
            result = env.step(new double[] {observation[1] >= 0 ? 2 : 0});
            observation = result.observation();
        } while (!result.done());

        assertThat(result.terminated()).isTrue();
        assertThat(result.truncated()).isFalse();
        assertThat(observation[0]).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void mountainCarContinuousIdlingIsTruncatedAtNineHundredNinetyNineSteps() {
        Environment env = new MountainCarContinuousProvider().create();
        env.reset(0);

        for (int step = 1; step <= 999; step++) {
            StepResult result = env.step(new double[] {0.0});
            assertThat(result.terminated()).isFalse();
            assertThat(result.reward()).isZero();
            assertThat(result.truncated()).as("truncated at step %d", step).isEqualTo(step == 999);
        }
        assertThat(env.id()).isEqualTo("MountainCarContinuous-v0");
    }

    @Test
    void mountainCarContinuousPushingWithTheVelocityEarnsTheGoalReward() {
        Environment env = new MountainCarContinuousProvider().create();
        double[] observation = env.reset(0);

        StepResult result;
        double episodeReturn = 0;
        int steps = 0;
        do {
            result = env.step(new double[] {observation[1] >= 0 ? 1.0 : -1.0});
            observation = result.observation();
            episodeReturn += result.reward();
            steps++;
        } while (!result.done());

        assertThat(result.terminated()).isTrue();
        assertThat(result.reward()).isCloseTo(100 - 0.1, within(1e-12));
        assertThat(episodeReturn).isCloseTo(100 - 0.1 * steps, within(1e-9));
    }

    @Test
    void eachCreateReturnsAnIndependentEnvironment() {
        CartPoleProvider provider = new CartPoleProvider();
        Environment first = provider.create();
        Environment second = provider.create();

        assertThat(first).isNotSameAs(second);
        assertThat(first.reset(1)).containsExactly(second.reset(1));
    }
}
