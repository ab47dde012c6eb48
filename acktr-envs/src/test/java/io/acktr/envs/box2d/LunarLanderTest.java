package io.acktr.envs.box2d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.InvalidActionException;
import io.acktr.api.env.StepResult;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LunarLanderTest {
    /** In flight, well above the pad, slightly tilted and drifting: no contact within one step. */
    private static final double[] IN_FLIGHT = {0.1, 0.8, 0.2, -0.3, 0.1, 0.05};

    @Test
    void observationsAreTheEightNormalisedComponentsOfGymnasium() {
        LunarLander env = LunarLander.discrete();

        BoxSpace space = (BoxSpace) env.observationSpace();
        assertThat(space.shape()).containsExactly(8);
        assertThat(space.low()).containsExactly(-1.5, -1.5, -5.0, -5.0, -Math.PI, -5.0, -0.0, -0.0);
        assertThat(space.high()).containsExactly(1.5, 1.5, 5.0, 5.0, Math.PI, 5.0, 1.0, 1.0);
        assertThat(env.reset(0)).hasSize(8);
    }

    @Test
    void discreteLanderHasFourActionsAndContinuousLanderTwoThrottles() {
        assertThat(LunarLander.discrete().actionSpace()).isEqualTo(new DiscreteSpace(4));
        assertThat(LunarLander.discrete().id()).isEqualTo("LunarLander-v2");
        assertThat(LunarLander.continuous().actionSpace()).isEqualTo(BoxSpace.uniform(-1, 1, 2));
        assertThat(LunarLander.continuous().id()).isEqualTo("LunarLanderContinuous-v2");
    }

    @Test
    void resetStartsNearTheTopCentreAboveThePadWithLegsInTheAir() {
        double[] observation = LunarLander.discrete().reset(11);

        assertThat(observation[0]).isBetween(-0.05, 0.05);
        assertThat(observation[1]).isBetween(1.3, 1.5);
        assertThat(observation[6]).isZero();
        assertThat(observation[7]).isZero();
    }

    @Test
    void shapingRewardsClosenessSlownessUprightnessAndLegContact() {
        assertThat(LunarLander.shaping(new double[] {0, 0, 0, 0, 0, 0, 1, 1})).isEqualTo(20.0);
        assertThat(LunarLander.shaping(new double[] {0.3, 0.4, 0, 0, 0, 0, 0, 0})).isCloseTo(-50.0, within(1e-12));
        assertThat(LunarLander.shaping(new double[] {0, 0, -0.6, 0.8, 0, 0, 0, 0})).isCloseTo(-100.0, within(1e-12));
        assertThat(LunarLander.shaping(new double[] {0, 0, 0, 0, -0.25, 3.0, 1, 0})).isCloseTo(-15.0, within(1e-12));
    }

    @Test
    void idleStepFromAConstructedStateIsRewardedByTheChangeOfShaping() {
        assertRewardIsShapingChangeMinusFuel(LanderControls.DISCRETE, new double[] {0}, 0.0);
    }

    @Test
    void mainEngineCostsPointThreeOnTopOfTheShapingChange() {
        assertRewardIsShapingChangeMinusFuel(LanderControls.DISCRETE, new double[] {2}, 0.30);
    }

    @Test
    void eachOrientationEngineCostsPointZeroThreeOnTopOfTheShapingChange() {
        assertRewardIsShapingChangeMinusFuel(LanderControls.DISCRETE, new double[] {1}, 0.03);
        assertRewardIsShapingChangeMinusFuel(LanderControls.DISCRETE, new double[] {3}, 0.03);
    }

    @Test
    void continuousThrottlesCostFuelInProportionToTheirPower() {
        // main 0.5 runs the engine at (0.5 + 1) / 2 = 0.75; lateral -0.7 fires the left engine at 0.7.
        assertRewardIsShapingChangeMinusFuel(LanderControls.CONTINUOUS, new double[] {0.5, -0.7}, 0.75 * 0.30 + 0.7 * 0.03);
        assertRewardIsShapingChangeMinusFuel(LanderControls.CONTINUOUS, new double[] {-0.5, 0.4}, 0.0);
        assertRewardIsShapingChangeMinusFuel(LanderControls.CONTINUOUS, new double[] {3.0, 2.0}, 0.30 + 0.03);
    }

    @Test
    void everyNonTerminalStepOfARandomEpisodeIsRewardedByTheChangeOfShapingMinusFuel() {
        LunarLander env = new LunarLander(LanderControls.DISCRETE, new SplittableRandom());
        SplittableRandom policy = new SplittableRandom(5);
        double previous = LunarLander.shaping(env.reset(5));
        StepResult result;
        int checked = 0;
        do {
            int action = policy.nextInt(4);
            result = env.step(new double[] {action});
            double shaping = LunarLander.shaping(result.observation());
            if (!result.terminated()) {
                double fuel = action == 2 ? 0.30 : action == 0 ? 0.0 : 0.03;
                assertThat(result.reward()).isCloseTo(shaping - previous - fuel, within(1e-9));
                checked++;
            }
            previous = shaping;
        } while (!result.done());
        assertThat(checked).isGreaterThan(30);
    }

    @Test
    void mainEngineSlowsTheDescent() {
        LunarLander idle = new LunarLander(LanderControls.DISCRETE, new SplittableRandom());
        LunarLander firing = new LunarLander(LanderControls.DISCRETE, new SplittableRandom());
        idle.reset(2);
        firing.reset(2);
        idle.placeLander(IN_FLIGHT);
        firing.placeLander(IN_FLIGHT);

        double idleVy = idle.step(new double[] {0}).observation()[3];
        double firingVy = firing.step(new double[] {2}).observation()[3];

        // An impulse of 13 * (4/30 +- 2/30) on about 4.96 kg of hull and legs adds 0.18 to 0.52 m/s,
        // 0.024 to 0.07 in observation units (vy * (400 / 30 / 2) / 50); gravity takes 0.2 m/s a step.
        assertThat(firingVy - idleVy).isBetween(0.02, 0.075);
    }

    @Test
    void leftAndRightOrientationEnginesTurnTheLanderOppositeWays() {
        double[] spins = new double[4];
        for (int action : new int[] {1, 3}) {
            LunarLander env = new LunarLander(LanderControls.DISCRETE, new SplittableRandom());
            env.reset(4);
            env.placeLander(new double[] {0, 0.8, 0, 0, 0, 0});
            spins[action] = env.step(new double[] {action}).observation()[5];
        }

        assertThat(spins[1]).isPositive();
        assertThat(spins[3]).isNegative();
    }

    @Test
    void landerDroppedUpsideDownCrashesWithMinusHundred() {
        StepResult last = runIdleFrom(new double[] {0, 0.5, 0, 0, Math.PI, 0}, 7);

        assertThat(last.terminated()).isTrue();
        assertThat(last.reward()).isEqualTo(-100.0);
    }

    @Test
    void landerHittingThePadAtHighSpeedCrashesWithMinusHundred() {
        StepResult last = runIdleFrom(new double[] {0, 0.3, 0, -4.5, 0, 0}, 7);

        assertThat(last.terminated()).isTrue();
        assertThat(last.reward()).isEqualTo(-100.0);
        assertThat(last.observation()[1]).isLessThan(0.0);
    }

    @Test
    void landerLeavingTheViewportSidewaysEndsWithMinusHundred() {
        LunarLander env = new LunarLander(LanderControls.DISCRETE, new SplittableRandom());
        env.reset(8);
        env.placeLander(new double[] {0.98, 0.5, 1.0, 0, 0, 0});

        StepResult first = env.step(new double[] {0});
        StepResult second = first.done() ? first : env.step(new double[] {0});

        assertThat(second.terminated()).isTrue();
        assertThat(Math.abs(second.observation()[0])).isGreaterThanOrEqualTo(1.0);
        assertThat(second.reward()).isEqualTo(-100.0);
    }

    @Test
    void landerSettledOnThePadComesToRestWithPlusHundred() {
        for (long seed = 0; seed < 5; seed++) {
            StepResult last = runIdleFrom(new double[] {0, 0, 0, 0, 0, 0}, seed);

            assertThat(last.terminated()).as("seed %d", seed).isTrue();
            assertThat(last.reward()).as("seed %d", seed).isEqualTo(100.0);
            assertThat(last.observation()[6]).as("seed %d", seed).isEqualTo(1.0);
            assertThat(last.observation()[7]).as("seed %d", seed).isEqualTo(1.0);
            assertThat(Math.abs(last.observation()[0])).as("seed %d", seed).isLessThan(0.2);
        }
    }

    @Test
    void legsTouchingTheGroundEarnTenPointsEach() {
        LunarLander env = new LunarLander(LanderControls.DISCRETE, new SplittableRandom());
        env.reset(9);
        double[] before = env.placeLander(new double[] {0, 0.01, 0, 0, 0, 0});
        StepResult result;
        do {
            result = env.step(new double[] {0});
        } while (result.observation()[6] == 0 && result.observation()[7] == 0 && !result.done());
        double[] after = result.observation();

        double legPoints = 10 * (after[6] + after[7]);
        assertThat(legPoints).isPositive();
        assertThat(result.reward()).isGreaterThan(legPoints - 5);
        assertThat(before[6] + before[7]).isZero();
    }

    @Test
    void gymnasiumsHeuristicLandsTheDiscreteLanderOnThePad() {
        double total = 0;
        for (long seed = 0; seed < 10; seed++) {
            total += heuristicReturn(LanderControls.DISCRETE, seed);
        }
        // Gymnasium calls 200 a solved episode; its own heuristic lands with roughly 200-250.
        assertThat(total / 10).isGreaterThan(200.0);
    }

    @Test
    void gymnasiumsHeuristicLandsTheContinuousLanderOnThePad() {
        double total = 0;
        for (long seed = 0; seed < 10; seed++) {
            total += heuristicReturn(LanderControls.CONTINUOUS, seed);
        }
        assertThat(total / 10).isGreaterThan(200.0);
    }

    @Test
    void invalidDiscreteActionsAreRejected() {
        LunarLander env = LunarLander.discrete();
        env.reset(0);

        for (double[] action : new double[][] {{4}, {-1}, {1.5}, {}, {0, 1}, {Double.NaN}}) {
            assertThatThrownBy(() -> env.step(action)).isInstanceOf(InvalidActionException.class)
                    .hasMessageContaining("LunarLander-v2").hasMessageContaining("Discrete(4)");
        }
        assertThatThrownBy(() -> env.step(null)).isInstanceOf(InvalidActionException.class);
    }

    @Test
    void invalidContinuousActionsAreRejected() {
        LunarLander env = LunarLander.continuous();
        env.reset(0);

        for (double[] action : new double[][] {{0.5}, {0, 0, 0}, {Double.NaN, 0}, {0, Double.POSITIVE_INFINITY}}) {
            assertThatThrownBy(() -> env.step(action)).isInstanceOf(InvalidActionException.class)
                    .hasMessageContaining("LunarLanderContinuous-v2");
        }
    }

    @Test
    void steppingBeforeResetOrAfterTerminationIsAnError() {
        LunarLander env = new LunarLander(LanderControls.DISCRETE, new SplittableRandom());
        assertThatThrownBy(() -> env.step(new double[] {0})).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reset()");

        env.reset(1);
        env.placeLander(new double[] {0.99, 0.5, 1.0, 0, 0, 0});
        StepResult result;
        do {
            result = env.step(new double[] {0});
        } while (!result.done());
        assertThatThrownBy(() -> env.step(new double[] {0})).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("terminated");
    }

    private static void assertRewardIsShapingChangeMinusFuel(LanderControls controls, double[] action, double fuel) {
        LunarLander env = new LunarLander(controls, new SplittableRandom());
        env.reset(21);
        double[] before = env.placeLander(IN_FLIGHT);

        StepResult result = env.step(action);

        assertThat(result.terminated()).isFalse();
        assertThat(result.reward())
                .isCloseTo(LunarLander.shaping(result.observation()) - LunarLander.shaping(before) - fuel, within(1e-9));
    }

    private static StepResult runIdleFrom(double[] pose, long seed) {
        LunarLander env = new LunarLander(LanderControls.DISCRETE, new SplittableRandom());
        env.reset(seed);
        env.placeLander(pose);
        StepResult result;
        int steps = 0;
        do {
            result = env.step(new double[] {0});
            steps++;
        } while (!result.done() && steps < 1000);
        return result;
    }

    private static double heuristicReturn(LanderControls controls, long seed) {
        LunarLander env = new LunarLander(controls, new SplittableRandom());
        double[] observation = env.reset(seed);
        double total = 0;
        for (int step = 0; step < 1000; step++) {
            double[] action = controls == LanderControls.DISCRETE
                    ? LanderHeuristic.discrete(observation) : LanderHeuristic.continuous(observation);
            StepResult result = env.step(action);
            total += result.reward();
            observation = result.observation();
            if (result.done()) {
                break;
            }
        }
        return total;
    }
}
