package io.acktr.api.state;

import java.util.random.RandomGenerator;

/**
 * A random generator whose state can be saved and restored: the SplitMix64 generator of Steele,
 * Lea and Flood ("Fast splittable pseudorandom number generators", OOPSLA 2014), drawing the same
 * numbers, and splitting the same way, as {@link java.util.SplittableRandom} built from the same
 * seed (which hides its state). The state is two longs: the seed, advanced by the gamma on every
 * draw, and the gamma.
 *
 * <pre>{@code
 * ResumableRandom random = new ResumableRandom(seed);
 * long[] saved = random.state();                  // into a checkpoint (SavedState#withLongs)
 * ResumableRandom same = ResumableRandom.of(saved); // draws what random would draw next
 * }</pre>
 *
 * Not thread-safe.
 */
public final class ResumableRandom implements RandomGenerator {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long seed;
    private final long gamma;

    /** The generator {@code new SplittableRandom(seed)} is. */
    public ResumableRandom(long seed) {
        this(seed, GOLDEN_GAMMA);
    }

    private ResumableRandom(long seed, long gamma) {
        this.seed = seed;
        this.gamma = gamma;
    }

    /** The generator whose {@link #state()} was {@code state}. */
    public static ResumableRandom of(long[] state) {
        if (state == null || state.length != 2 || (state[1] & 1L) == 0) {
            throw new IllegalArgumentException("a ResumableRandom state is two longs, the second odd");
        }
        return new ResumableRandom(state[0], state[1]);
    }

    /** {@code [seed, gamma]}: what {@link #of} takes back. */
    public long[] state() {
        return new long[] {seed, gamma};
    }

    /** A new generator, independent of this one, which advances by one split as {@code SplittableRandom.split()} does. */
    public ResumableRandom split() {
        return new ResumableRandom(nextLong(), mixGamma(nextSeed()));
    }

    @Override
    public long nextLong() {
        return mix64(nextSeed());
    }

    @Override
    public int nextInt() {
        return mix32(nextSeed());
    }

    private long nextSeed() {
        seed += gamma;
        return seed;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }

    /** An odd gamma with enough bit transitions. */
    private static long mixGamma(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        z = (z ^ (z >>> 33)) | 1L;
        int transitions = Long.bitCount(z ^ (z >>> 1));
        return transitions < 24 ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
    }
}
