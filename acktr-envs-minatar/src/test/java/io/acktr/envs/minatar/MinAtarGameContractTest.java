package io.acktr.envs.minatar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.InvalidActionException;
import io.acktr.api.env.RgbFrame;
import io.acktr.api.env.StepResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What every MinAtar game promises: spaces, binary grids, seeding, sticky actions, errors, rendering. */
class MinAtarGameContractTest {
    /** Long enough for several episodes of every game, Freeway's 2501 steps included. */
    private static final int TRACE_STEPS = 3000;

    /** Each game by id, channel count and a factory taking the sticky-action probability. */
    static Stream<Arguments> games() {
        return Stream.of(
                game(Asterix.ID, 4, p -> new Asterix(p, true)),
                game(Breakout.ID, 4, Breakout::new),
                game(Freeway.ID, 7, Freeway::new),
                game(Seaquest.ID, 10, p -> new Seaquest(p, true)),
                game(SpaceInvaders.ID, 6, p -> new SpaceInvaders(p, true)));
    }

    private static Arguments game(String id, int channels, DoubleFunction<MinAtarGame> factory) {
        return Arguments.of(id, channels, factory);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("games")
    void hasItsIdAndSixActionsOverATenByTenBinaryGrid(String id, int channels,
                                                            DoubleFunction<MinAtarGame> factory) {
        MinAtarGame game = factory.apply(MinAtarGame.DEFAULT_STICKY_ACTION_PROBABILITY);

        assertThat(game.id()).isEqualTo(id).startsWith("MinAtar/").endsWith("-v0");
        assertThat(game.actionSpace()).isEqualTo(new DiscreteSpace(6));
        assertThat(game.observationSpace()).isEqualTo(BoxSpace.uniform(0, 1, 10, 10, channels));
        assertThat(((BoxSpace) game.observationSpace()).shape()).containsExactly(10, 10, channels);
        assertThat(game.channels()).isEqualTo(channels);
        assertThat(game.stickyActionProbability()).isEqualTo(0.1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("games")
    void everyObservationIsABinaryGridInsideTheObservationSpace(String id, int channels,
                                                               DoubleFunction<MinAtarGame> factory) {
        MinAtarGame game = factory.apply(MinAtarGame.DEFAULT_STICKY_ACTION_PROBABILITY);
        SplittableRandom policy = new SplittableRandom(11);
        double[] observation = game.reset(3);
        int nonZero = 0;
        for (int step = 0; step < 500; step++) {
            assertThat(observation).hasSize(100 * channels);
            assertThat(game.observationSpace().contains(observation)).isTrue();
            for (double value : observation) {
                assertThat(value).isIn(0.0, 1.0);
                nonZero += value == 1.0 ? 1 : 0;
            }
            StepResult result = game.step(new double[] {policy.nextInt(6)});
            assertThat(result.reward()).isGreaterThanOrEqualTo(0.0);
            assertThat(result.truncated()).isFalse();
            observation = result.done() ? game.reset() : result.observation();
        }
        assertThat(nonZero).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("games")
    void rejectsActionsOutsideDiscreteSix(String id, int channels, DoubleFunction<MinAtarGame> factory) {
        MinAtarGame game = factory.apply(0.0);
        game.reset(0);

        for (double[] action : new double[][] {{6}, {-1}, {0.5}, {0, 1}, {}}) {
            assertThatThrownBy(() -> game.step(action))
                    .isInstanceOf(InvalidActionException.class)
                    .hasMessageContaining(id)
                    .hasMessageContaining("Discrete(6)");
        }
        assertThatThrownBy(() -> game.step(null)).isInstanceOf(InvalidActionException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("games")
    void sameSeedReplaysTheSameEpisodes(String id, int channels, DoubleFunction<MinAtarGame> factory) {
        List<String> first = trace(factory.apply(0.1), 42, randomActions(1234));
        List<String> second = trace(factory.apply(0.1), 42, randomActions(1234));

        assertThat(second).isEqualTo(first);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("games")
    void differentSeedsGiveDifferentEpisodes(String id, int channels, DoubleFunction<MinAtarGame> factory) {
        assertThat(trace(factory.apply(0.1), 42, randomActions(1234)))
                .isNotEqualTo(trace(factory.apply(0.1), 43, randomActions(1234)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("games")
    void seededResetForgetsEverythingAnEarlierEpisodeLeftBehind(String id, int channels,
                                                                DoubleFunction<MinAtarGame> factory) {
        MinAtarGame used = factory.apply(0.1);
        trace(used, 5, randomActions(99));

        assertThat(trace(used, 42, randomActions(1234)))
                .isEqualTo(trace(factory.apply(0.1), 42, randomActions(1234)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("games")
    void withStickyProbabilityOneEveryActionIsReplacedByTheInitialNoop(String id, int channels,
                                                                     DoubleFunction<MinAtarGame> factory) {
        List<String> alwaysSticky = trace(factory.apply(1.0), 9, randomActions(5));
        List<String> noops = trace(factory.apply(0.0), 9, () -> MinAtarAction.NOOP);

        assertThat(alwaysSticky).isEqualTo(noops);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("games")
    void stickyActionsRepeatThePreviousActionAtTheGivenRate(String id, int channels,
                                                            DoubleFunction<MinAtarGame> factory) {
        MinAtarGame game = factory.apply(0.25);
        game.reset(17);
        int repeats = 0;
        int steps = 4000;
        for (int step = 0; step < steps; step++) {
            MinAtarAction previous = game.previousAction();
            MinAtarAction requested = MinAtarAction.of((previous.ordinal() + 1) % 6);
            boolean done = game.step(requested.asDiscrete()).done();
            repeats += game.previousAction() == previous ? 1 : 0;
            if (done) {
                game.reset();
                assertThat(game.previousAction()).isEqualTo(MinAtarAction.NOOP);
            }
        }

        assertThat((double) repeats / steps).isBetween(0.22, 0.28);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("games")
    void theStickyActionDrawsNeverChangeTheGamesOwnRandomness(String id, int channels,
                                                              DoubleFunction<MinAtarGame> factory) {
        // Repeating a no-op is a no-op, so only the random numbers the game itself sees could differ.
        assertThat(trace(factory.apply(0.5), 21, () -> MinAtarAction.NOOP))
                .isEqualTo(trace(factory.apply(0.0), 21, () -> MinAtarAction.NOOP));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("games")
    void steppingBeforeResetOrAfterTerminationIsAnError(String id, int channels,
                                                         DoubleFunction<MinAtarGame> factory) {
        MinAtarGame game = factory.apply(0.1);
        assertThatThrownBy(() -> game.step(MinAtarAction.NOOP.asDiscrete()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(id)
                .hasMessageContaining("reset()");

        game.reset(1);
        Supplier<MinAtarAction> actions = randomActions(1);
        StepResult result;
        do {
            result = game.step(actions.get().asDiscrete());
        } while (!result.done());

        assertThatThrownBy(() -> game.step(MinAtarAction.NOOP.asDiscrete()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(id)
                .hasMessageContaining("terminated");
        game.reset();
        assertThat(game.step(MinAtarAction.NOOP.asDiscrete()).observation()).hasSize(100 * channels);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("games")
    void renderPaintsEachCellInTheColourOfItsHighestActiveChannel(String id, int channels,
                                                                  DoubleFunction<MinAtarGame> factory) {
        MinAtarGame game = factory.apply(0.1);
        game.reset(8);
        SplittableRandom policy = new SplittableRandom(8);
        for (int step = 0; step < 25; step++) {
            if (game.step(new double[] {policy.nextInt(6)}).done()) {
                game.reset();
            }
        }
        double[] observation = game.observation();

        RgbFrame frame = game.render();

        assertThat(frame.width()).isEqualTo(100);
        assertThat(frame.height()).isEqualTo(100);
        int coloured = 0;
        for (int row = 0; row < 10; row++) {
            for (int column = 0; column < 10; column++) {
                int top = -1;
                for (int channel = 0; channel < channels; channel++) {
                    if (observation[(row * 10 + column) * channels + channel] == 1) {
                        top = channel;
                    }
                }
                int expected = top < 0 ? 0x000000 : game.colour(top);
                coloured += top < 0 ? 0 : 1;
                for (int y = row * 10; y < row * 10 + 10; y++) {
                    for (int x = column * 10; x < column * 10 + 10; x++) {
                        assertThat(frame.rgb(x, y)).as("pixel (%d, %d)", x, y).isEqualTo(expected);
                    }
                }
            }
        }
        assertThat(coloured).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("games")
    void paletteGivesEachChannelItsOwnVisibleColour(String id, int channels, DoubleFunction<MinAtarGame> factory) {
        MinAtarGame game = factory.apply(0.1);
        List<Integer> colours = new ArrayList<>();
        for (int channel = 0; channel < channels; channel++) {
            colours.add(game.colour(channel));
        }

        assertThat(colours).doesNotHaveDuplicates().doesNotContain(0x000000);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("games")
    void rejectsAStickyProbabilityOutsideZeroToOne(String id, int channels, DoubleFunction<MinAtarGame> factory) {
        for (double probability : new double[] {-0.1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> factory.apply(probability))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(id)
                    .hasMessageContaining("stickyActionProbability");
        }
    }

    /**
     * Rewards, termination flags and observations of {@value #TRACE_STEPS} steps after
     * {@code reset(seed)}, starting each later episode with {@code reset()}. A fixed number of steps
     * rather than of episodes: the games add no time limit and some policies (a submarine idling at
     * the surface in Seaquest) never end an episode.
     */
    private static List<String> trace(MinAtarGame game, long seed, Supplier<MinAtarAction> actions) {
        List<String> trace = new ArrayList<>();
        trace.add(packed(game.reset(seed)));
        for (int step = 0; step < TRACE_STEPS; step++) {
            StepResult result = game.step(actions.get().asDiscrete());
            trace.add(result.reward() + " " + result.terminated() + " " + packed(result.observation()));
            if (result.done()) {
                trace.add(packed(game.reset()));
            }
        }
        return trace;
    }

    private static Supplier<MinAtarAction> randomActions(long seed) {
        SplittableRandom policy = new SplittableRandom(seed);
        return () -> MinAtarAction.of(policy.nextInt(6));
    }

    /** A binary observation as a short exact string: its 1s as the bits of a {@link BitSet}. */
    private static String packed(double[] observation) {
        BitSet bits = new BitSet(observation.length);
        for (int i = 0; i < observation.length; i++) {
            bits.set(i, observation[i] == 1);
        }
        return Arrays.toString(bits.toLongArray());
    }
}
