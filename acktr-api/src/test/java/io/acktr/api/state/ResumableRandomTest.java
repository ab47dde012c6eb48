package io.acktr.api.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ResumableRandomTest {
    /** Every kind of draw the environments, the action streams and the Fisher pass make. */
    private static String draws(RandomGenerator random, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(random.nextLong()).append(' ').append(random.nextInt()).append(' ')
                    .append(random.nextInt(7)).append(' ').append(random.nextInt(1 << 20)).append(' ')
                    .append(random.nextInt(-3, 11)).append(' ').append(random.nextLong(1_000_000_007L)).append(' ')
                    .append(random.nextDouble()).append(' ').append(random.nextDouble(-0.05, 0.05)).append(' ')
                    .append(random.nextDouble(2.5)).append(' ').append(random.nextFloat()).append(' ')
                    .append(random.nextBoolean()).append(' ').append(random.nextGaussian()).append('\n');
        }
        return out.toString();
    }

    @Test
    void drawsWhatSplittableRandomDrawsFromTheSameSeed() {
        for (long seed : new long[] {0, 1, 42, -7, Long.MAX_VALUE}) {
            assertThat(draws(new ResumableRandom(seed), 200)).isEqualTo(draws(new SplittableRandom(seed), 200));
        }
    }

    @Test
    void splitsAsSplittableRandomSplits() {
        ResumableRandom ours = new ResumableRandom(3);
        SplittableRandom theirs = new SplittableRandom(3);
        for (int i = 0; i < 50; i++) {
            ResumableRandom ourChild = ours.split();
            SplittableRandom theirChild = theirs.split();
            assertThat(draws(ourChild.split(), 3)).isEqualTo(draws(theirChild.split(), 3));
            assertThat(draws(ourChild, 5)).isEqualTo(draws(theirChild, 5));
        }
        assertThat(draws(ours, 5)).isEqualTo(draws(theirs, 5));
    }

    @Test
    void aRestoredGeneratorDrawsWhatTheSavedOneWouldHaveDrawn() {
        ResumableRandom random = new ResumableRandom(11).split();
        draws(random, 17);
        ResumableRandom restored = ResumableRandom.of(random.state());
        assertThat(draws(restored, 40)).isEqualTo(draws(random, 40));
    }
}
