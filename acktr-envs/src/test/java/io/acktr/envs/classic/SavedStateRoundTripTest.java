package io.acktr.envs.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.RestorableEnvironment;
import io.acktr.api.env.StepResult;
import io.acktr.api.state.SavedState;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each classic-control environment, saved mid-run and restored into a fresh instance, goes on
 * exactly as the original does: the same steps, and across episode ends the same resets.
 */
class SavedStateRoundTripTest {
    static Stream<Arguments> environments() {
        return Stream.of(
                Arguments.of("CartPole-v1", (Supplier<RestorableEnvironment>) CartPole::new),
                Arguments.of("Acrobot-v1", (Supplier<RestorableEnvironment>) Acrobot::new),
                Arguments.of("MountainCar-v0", (Supplier<RestorableEnvironment>) MountainCar::new),
                Arguments.of("MountainCarContinuous-v0", (Supplier<RestorableEnvironment>) MountainCarContinuous::new),
                Arguments.of("Pendulum-v1", (Supplier<RestorableEnvironment>) Pendulum::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void aRestoredEnvironmentStepsAndResetsAsTheOriginal(String id, Supplier<RestorableEnvironment> create) {
        RestorableEnvironment original = started(create, 17);
        SplittableRandom actions = new SplittableRandom(5);
        for (int i = 0; i < 37; i++) {
            stepOrReset(original, action(original, actions));
        }
        SavedState saved = original.saveState();
        RestorableEnvironment restored = started(create, 99); // another episode, overwritten by the saved one
        restored.restoreState(saved);

        List<double[]> plan = plan(original, actions, 600);
        assertThat(trace(restored, plan)).as(id).containsExactlyElementsOf(trace(original, plan));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void aSavedStateTakenBackTwiceGivesTheSameRunTwice(String id, Supplier<RestorableEnvironment> create) {
        RestorableEnvironment env = started(create, 3);
        SavedState saved = env.saveState();
        List<double[]> plan = plan(env, new SplittableRandom(8), 300);
        List<String> first = trace(env, plan);
        env.restoreState(saved);
        assertThat(trace(env, plan)).as(id).containsExactlyElementsOf(first);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void aSavedStateWithoutItsGeneratorIsRefusedByName(String id, Supplier<RestorableEnvironment> create) {
        RestorableEnvironment env = started(create, 1);
        assertThatThrownBy(() -> env.restoreState(SavedState.empty())).as(id)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("random");
    }

    /** The environments whose dynamics are saved as one vector (the others as named scalars). */
    static Stream<Arguments> vectorEnvironments() {
        return environments().filter(arguments -> List.of("CartPole-v1", "Acrobot-v1").contains(arguments.get()[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorEnvironments")
    void aStateVectorOfTheWrongLengthIsRefusedNamingTheEnvironment(String id, Supplier<RestorableEnvironment> create) {
        SavedState saved = started(create, 1).saveState();
        assertThat(saved.hasArray("state")).as(id).isTrue();
        RestorableEnvironment env = create.get();
        SavedState tooShort = saved.with("state", new double[] {0.1, 0.2});
        assertThatThrownBy(() -> env.restoreState(tooShort)).as(id)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(id).hasMessageContaining("got 2");
    }

    private static RestorableEnvironment started(Supplier<RestorableEnvironment> create, long seed) {
        RestorableEnvironment env = create.get();
        env.reset(seed);
        return env;
    }

    private static List<double[]> plan(RestorableEnvironment env, SplittableRandom actions, int steps) {
        List<double[]> plan = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            plan.add(action(env, actions));
        }
        return plan;
    }

    /** One line per step (or reset after an episode ended): what it returned, to the last bit. */
    private static List<String> trace(RestorableEnvironment env, List<double[]> plan) {
        List<String> lines = new ArrayList<>();
        for (double[] action : plan) {
            lines.add(stepOrReset(env, action));
        }
        return lines;
    }

    private static String stepOrReset(RestorableEnvironment env, double[] action) {
        StepResult result = env.step(action);
        String line = bits(result.observation()) + " r=" + Double.doubleToLongBits(result.reward()) + " "
                + result.terminated() + " " + result.truncated();
        if (result.terminated() || result.truncated()) {
            line += " reset " + bits(env.reset());
        }
        return line;
    }

    private static double[] action(RestorableEnvironment env, SplittableRandom random) {
        if (env.actionSpace() instanceof DiscreteSpace discrete) {
            return new double[] {random.nextInt(discrete.n())};
        }
        BoxSpace box = (BoxSpace) env.actionSpace();
        double[] action = new double[box.shape()[0]];
        for (int i = 0; i < action.length; i++) {
            action[i] = random.nextDouble(box.low()[i], box.high()[i]);
        }
        return action;
    }

    private static String bits(double[] values) {
        StringBuilder text = new StringBuilder();
        for (double value : values) {
            text.append(Long.toHexString(Double.doubleToLongBits(value))).append(' ');
        }
        return text.toString();
    }
}
