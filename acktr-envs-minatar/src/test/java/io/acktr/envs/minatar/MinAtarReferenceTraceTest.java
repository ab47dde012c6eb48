package io.acktr.envs.minatar;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.env.StepResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each port replays MinAtar's own game code step for step. The expected digests were produced by
 * running MinAtar's Python games ({@code minatar/environments/*.py}) and the sticky-action logic of
 * {@code minatar/environment.py} with their NumPy generator replaced by an exact Python emulation of
 * {@link SplittableRandom}, each NumPy call mapped to the draw the port makes in its place
 * ({@code rand()} to {@code nextDouble()}, {@code randint(n)} and {@code choice(n)} to
 * {@code nextInt(n)}, {@code randint(low, high)} to {@code nextInt(low, high)}). Any change to an
 * update order, a timer, a spawn rule or the observation layout changes the digest.
 *
 * <p>The trace is {@value #STEPS} steps of uniformly random actions ({@code new SplittableRandom(7)})
 * on a game seeded with {@value #SEED}, sticky actions at 0.1, one line per step:
 * {@code "<reward> <terminated 0|1> <indices of the 1s>"}, and a line {@code "R <indices>"} for the
 * first observation and after each reset.
 */
class MinAtarReferenceTraceTest {
    private static final long SEED = 2024;
    private static final int STEPS = 5000;

    static Stream<Arguments> games() {
        return Stream.of(
                Arguments.of("Asterix", (Supplier<MinAtarGame>) Asterix::new,
                        "2f3343007589f051c0cf5eff4e3f4601cebc817f3ca1aea9633764e2e216d628"),
                Arguments.of("Breakout", (Supplier<MinAtarGame>) Breakout::new,
                        "f8d2a4d4a085b702b4ae3fe5545d6601cf08eaf24e115c5a1c8242a386a20c92"),
                Arguments.of("Freeway", (Supplier<MinAtarGame>) Freeway::new,
                        "c4d145f8f439aa4b980babdd771c162bbdd5df5e4017702429e169b1524dec3c"),
                Arguments.of("Seaquest", (Supplier<MinAtarGame>) Seaquest::new,
                        "24ea352ae67db68c827c6a6675545b6c4bb996bc25d9f314de049519fc7b5b95"),
                Arguments.of("SpaceInvaders", (Supplier<MinAtarGame>) SpaceInvaders::new,
                        "bfe0b12f758233eb923dc385c83e66559005fdcbedd4db95d30e5d5cb899bb61"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("games")
    void randomPlayMatchesMinAtarsGameCodeBitForBit(String name, Supplier<MinAtarGame> factory, String digest) {
        assertThat(sha256(trace(factory.get()))).isEqualTo(digest);
    }

    private static String trace(MinAtarGame game) {
        SplittableRandom policy = new SplittableRandom(7);
        StringBuilder trace = new StringBuilder();
        trace.append("R ").append(ones(game.reset(SEED))).append('\n');
        for (int step = 0; step < STEPS; step++) {
            StepResult result = game.step(new double[] {policy.nextInt(6)});
            trace.append((int) result.reward()).append(' ').append(result.terminated() ? 1 : 0).append(' ')
                    .append(ones(result.observation())).append('\n');
            if (result.done()) {
                trace.append("R ").append(ones(game.reset())).append('\n');
            }
        }
        return trace.toString();
    }

    private static String ones(double[] observation) {
        StringBuilder indices = new StringBuilder();
        for (int i = 0; i < observation.length; i++) {
            if (observation[i] == 1) {
                indices.append(indices.length() == 0 ? "" : " ").append(i);
            }
        }
        return indices.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JVM has SHA-256", e);
        }
    }
}
