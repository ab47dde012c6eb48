package io.acktr.envs.classic;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.Environment;
import io.acktr.api.env.StepResult;
import io.acktr.envs.core.SeededEnvironment;
import io.acktr.envs.gymnasium.GymnasiumTestAccess;
import io.acktr.envs.providers.AcrobotProvider;
import io.acktr.envs.providers.CartPoleProvider;
import io.acktr.envs.providers.MountainCarContinuousProvider;
import io.acktr.envs.providers.MountainCarProvider;
import io.acktr.envs.providers.PendulumProvider;
import io.acktr.envs.wrappers.TimeLimit;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Our classic-control environments beside Gymnasium's, stepped through the bridge from identical
 * internal states (Gymnasium's {@code env.unwrapped.state} after its reset, or a chosen state set
 * on both) with identical action sequences, random (box actions up to 1.5 times the bounds) and
 * adversarial (actions far outside the bounds, policies that make episodes long), up to the time
 * limit: observations, rewards, {@code terminated} and {@code truncated} must be equal bit for bit
 * at every step, and the spaces equal.
 *
 * <p>Our dynamics here use the C library's sine, cosine and squares ({@code pow}, {@code powf}), as
 * Gymnasium's do through NumPy (evaluated by the same Python): Java's {@link Math#sin} and
 * {@code x * x} differ from them in the last bit for about 1 argument in 500 to 1000, and that is
 * the only difference left; the summary line of each environment says how many steps agree with
 * Java's own functions before each episode's first difference. Gymnasium gets float32 actions, as the bridge rounds actions to
 * the space's dtype. Reset distributions are compared by their ranges (the generators differ).
 */
class ClassicControlConformanceTest {
    private static final int EPISODES_PER_KIND = 3;

    /** One environment: ours with a given trigonometry, how its state is set, and chosen start states. */
    private record Subject(String id, int maxEpisodeSteps, Function<ElementaryFunctions, SeededEnvironment> ours,
                           BiConsumer<SeededEnvironment, double[]> setState, Function<SplittableRandom, double[]> chosenState) {
    }

    @Test
    void cartPoleAgreesWithGymnasiumBitForBit() {
        check(new Subject(CartPole.ID, CartPoleProvider.MAX_EPISODE_STEPS, t -> new CartPole(new SplittableRandom(), t),
                (env, state) -> ((CartPole) env).setState(state),
                random -> new double[] {random.nextDouble(-1, 1), random.nextDouble(-0.5, 0.5), random.nextDouble(-0.1, 0.1),
                        random.nextDouble(-0.5, 0.5)}));
    }

    @Test
    void acrobotAgreesWithGymnasiumBitForBit() {
        check(new Subject(Acrobot.ID, AcrobotProvider.MAX_EPISODE_STEPS, t -> new Acrobot(new SplittableRandom(), t),
                (env, state) -> ((Acrobot) env).setState(state),
                random -> new double[] {random.nextDouble(-Math.PI, Math.PI), random.nextDouble(-Math.PI, Math.PI),
                        random.nextDouble(-12, 12), random.nextDouble(-28, 28)}));
    }

    @Test
    void mountainCarAgreesWithGymnasiumBitForBit() {
        check(new Subject(MountainCar.ID, MountainCarProvider.MAX_EPISODE_STEPS, t -> new MountainCar(new SplittableRandom(), t),
                (env, state) -> ((MountainCar) env).setState(state),
                random -> new double[] {random.nextDouble(-1.2, 0.6), random.nextDouble(-0.07, 0.07)}));
    }

    @Test
    void mountainCarContinuousAgreesWithGymnasiumBitForBit() {
        check(new Subject(MountainCarContinuous.ID, MountainCarContinuousProvider.MAX_EPISODE_STEPS,
                t -> new MountainCarContinuous(new SplittableRandom(), t),
                (env, state) -> ((MountainCarContinuous) env).setState(state),
                random -> new double[] {random.nextDouble(-1.2, 0.6), random.nextDouble(-0.07, 0.07)}));
    }

    @Test
    void pendulumAgreesWithGymnasiumBitForBit() {
        check(new Subject(Pendulum.ID, PendulumProvider.MAX_EPISODE_STEPS, t -> new Pendulum(new SplittableRandom(), t),
                (env, state) -> ((Pendulum) env).setState(state),
                random -> new double[] {random.nextDouble(-20, 20), random.nextDouble(-8, 8)}));
    }

    private static void check(Subject subject) {
        try (Environment theirs = GymnasiumTestAccess.create(subject.id())) {
            ElementaryFunctions libm = new NumpyFunctions(GymnasiumTestAccess.numpyFunction(theirs, 0),
                    GymnasiumTestAccess.numpyFunction(theirs, 1), GymnasiumTestAccess.numpyFunction(theirs, 2),
                    GymnasiumTestAccess.numpyFunction(theirs, 3));
            SeededEnvironment raw = subject.ours().apply(libm);
            try (Environment ours = new TimeLimit(raw, subject.maxEpisodeSteps());
                 Environment oursWithJavaTrig = new TimeLimit(subject.ours().apply(ElementaryFunctions.JAVA), subject.maxEpisodeSteps())) {
                assertThat(ours.actionSpace()).as("action space").isEqualTo(theirs.actionSpace());
                assertThat(ours.observationSpace()).as("observation space").isEqualTo(theirs.observationSpace());
                assertThat(GymnasiumTestAccess.observationDtype(theirs)).isEqualTo("float32");
                compareResetRanges(ours, theirs);

                long steps = 0;
                long stepsEqualWithJavaTrig = 0;
                int truncated = 0;
                SplittableRandom random = new SplittableRandom(42);
                for (int episode = 0; episode < 3 * EPISODES_PER_KIND; episode++) {
                    ours.reset(episode);
                    theirs.reset(episode);
                    String start = "Gymnasium's reset state";
                    if (episode >= EPISODES_PER_KIND) {
                        start = "a chosen state";
                        GymnasiumTestAccess.setUnwrappedAttribute(theirs, "state", subject.chosenState().apply(random), false);
                    }
                    double[] state = GymnasiumTestAccess.unwrappedAttribute(theirs, "state");
                    subject.setState().accept(raw, state);
                    ActionSource source = episode < 2 * EPISODES_PER_KIND ? ActionSource.RANDOM : ActionSource.ADVERSARIAL;
                    long seed = random.nextLong();
                    Episode result = episode(subject.id() + " episode " + episode + " from " + start + " "
                            + Arrays.toString(state) + " with " + source + " actions", ours, theirs, source, new SplittableRandom(seed));
                    steps += result.steps();
                    truncated += result.truncated() ? 1 : 0;

                    oursWithJavaTrig.reset(episode);
                    subject.setState().accept(inner(oursWithJavaTrig), state);
                    stepsEqualWithJavaTrig += stepsUntilFirstDifference(oursWithJavaTrig, result, source, new SplittableRandom(seed));
                }
                System.err.printf("[conformance] %s: %d steps over %d episodes (%d to the time limit) equal bit for bit with the "
                                + "C library's sin, cos and pow; with Java's Math.sin, Math.cos and x * x %d of them (%.1f%%) before each episode's first difference%n",
                        subject.id(), steps, 3 * EPISODES_PER_KIND, truncated, stepsEqualWithJavaTrig,
                        100.0 * stepsEqualWithJavaTrig / steps);
                assertThat(truncated).as("episodes that ran to the time limit").isPositive();
            }
        }
    }

    private enum ActionSource { RANDOM, ADVERSARIAL }

    /** Gymnasium's side of one episode, for the second pass with Java's trigonometry. */
    private record Episode(long steps, boolean truncated, double[][] observations, double[] rewards) {
    }

    private static Episode episode(String what, Environment ours, Environment theirs, ActionSource source, SplittableRandom random) {
        java.util.List<double[]> observations = new java.util.ArrayList<>();
        java.util.List<Double> rewards = new java.util.ArrayList<>();
        long t = 0;
        double[] previous = null;
        while (true) {
            double[] action = action(ours, source, random, t, previous);
            StepResult a = ours.step(action);
            StepResult b = theirs.step(action);
            String at = what + ", step " + t + ", action " + Arrays.toString(action);
            assertThat(a.observation()).as("observation at " + at).containsExactly(b.observation());
            assertThat(a.reward()).as("reward at " + at).isEqualTo(b.reward());
            assertThat(a.terminated()).as("terminated at " + at).isEqualTo(b.terminated());
            assertThat(a.truncated()).as("truncated at " + at).isEqualTo(b.truncated());
            observations.add(b.observation());
            rewards.add(b.reward());
            t++;
            previous = a.observation();
            if (a.done()) {
                return new Episode(t, b.truncated(), observations.toArray(new double[0][]),
                        rewards.stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
    }

    private static long stepsUntilFirstDifference(Environment ours, Episode reference, ActionSource source, SplittableRandom random) {
        double[] previous = null;
        for (int t = 0; t < reference.steps(); t++) {
            double[] action = action(ours, source, random, t, previous);
            StepResult a = ours.step(action);
            if (!Arrays.equals(a.observation(), reference.observations()[t]) || a.reward() != reference.rewards()[t]) {
                return t;
            }
            previous = a.observation();
        }
        return reference.steps();
    }

    /** Random actions (boxes: uniform over 1.5 times the bounds), or adversarial ones; float32 values. */
    private static double[] action(Environment env, ActionSource source, SplittableRandom random, long t, double[] observation) {
        if (env.actionSpace() instanceof DiscreteSpace discrete) {
            if (source == ActionSource.RANDOM || observation == null) {
                return new double[] {random.nextInt(discrete.n())};
            }
            if (env.id().equals(CartPole.ID)) { // balance the pole: the episode runs to the time limit
                return new double[] {observation[2] + 0.5 * observation[3] > 0 ? 1 : 0};
            }
            // push along the last observed velocity: MountainCar swings up, Acrobot pumps
            return new double[] {observation[observation.length - 1] >= 0 ? discrete.n() - 1 : 0};
        }
        BoxSpace box = (BoxSpace) env.actionSpace();
        double[] action = new double[box.flatSize()];
        for (int i = 0; i < action.length; i++) {
            double low = box.low(i);
            double high = box.high(i);
            double value = switch (source) {
                case RANDOM -> random.nextDouble(1.5 * low, 1.5 * high);
                case ADVERSARIAL -> switch ((int) (t % 6)) {
                    case 0 -> 1e6;
                    case 1 -> -1e6;
                    case 2 -> high;
                    case 3 -> low;
                    case 4 -> Math.nextUp((float) high);
                    default -> random.nextDouble(100 * low, 100 * high);
                };
            };
            action[i] = (float) value;
        }
        return action;
    }

    /** 200 resets of each: every component's observed range must be about the same. */
    private static void compareResetRanges(Environment ours, Environment theirs) {
        int n = ours.observationSpace().flatSize();
        double[][] range = {fill(n, Double.MAX_VALUE), fill(n, -Double.MAX_VALUE), fill(n, Double.MAX_VALUE), fill(n, -Double.MAX_VALUE)};
        for (int seed = 0; seed < 200; seed++) {
            double[] a = ours.reset(1000 + seed);
            double[] b = theirs.reset(1000 + seed);
            for (int i = 0; i < n; i++) {
                range[0][i] = Math.min(range[0][i], a[i]);
                range[1][i] = Math.max(range[1][i], a[i]);
                range[2][i] = Math.min(range[2][i], b[i]);
                range[3][i] = Math.max(range[3][i], b[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            double tolerance = 0.1 * (range[3][i] - range[2][i]) + 1e-12;
            assertThat(range[0][i]).as("lowest reset observation " + i + " of " + ours.id()).isCloseTo(range[2][i],
                    org.assertj.core.data.Offset.offset(tolerance));
            assertThat(range[1][i]).as("highest reset observation " + i + " of " + ours.id()).isCloseTo(range[3][i],
                    org.assertj.core.data.Offset.offset(tolerance));
        }
    }

    private static double[] fill(int n, double value) {
        double[] values = new double[n];
        Arrays.fill(values, value);
        return values;
    }

    private static SeededEnvironment inner(Environment env) {
        return io.acktr.envs.wrappers.EnvironmentWrapper.find(env, SeededEnvironment.class).orElseThrow();
    }

    /** NumPy's scalar sin, cos and squares (the C library's sin, cos, pow and powf), asked of the worker. */
    private record NumpyFunctions(DoubleUnaryOperator sine, DoubleUnaryOperator cosine, DoubleUnaryOperator square,
                                  DoubleUnaryOperator squareFloat32) implements ElementaryFunctions {
        @Override
        public double sin(double x) {
            return sine.applyAsDouble(x);
        }

        @Override
        public double cos(double x) {
            return cosine.applyAsDouble(x);
        }

        @Override
        public double square(double x) {
            return square.applyAsDouble(x);
        }

        @Override
        public float square(float x) {
            return (float) squareFloat32.applyAsDouble(x);
        }
    }
}
