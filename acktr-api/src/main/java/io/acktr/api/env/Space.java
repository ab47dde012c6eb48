package io.acktr.api.env;

/**
 * The set of valid observations or actions of an {@link Environment}, as in Gymnasium.
 * Values travel as flat {@code double[]} arrays: a discrete value is a one-element array holding
 * the integer index.
 */
public sealed interface Space permits DiscreteSpace, BoxSpace {
    /** Number of doubles in one flat value of this space (1 for a discrete space). */
    int flatSize();

    /** Whether {@code value} is a member of this space. */
    boolean contains(double[] value);

    /** A short human-readable form, e.g. {@code Discrete(2)} or {@code Box(-2.0, 2.0, [1])}. */
    String describe();
}
