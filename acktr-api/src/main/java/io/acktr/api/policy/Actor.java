package io.acktr.api.policy;

import io.acktr.api.plugin.ExtensionPoint;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Acts with fixed parameters on observations in plain arrays, writing into arrays the caller
 * owns (see {@link ActingPolicy}). Every row is computed on its own: a row's action and value do
 * not depend on the other rows of the call, nor on how many there are. Not thread-safe: an actor
 * keeps its working arrays between calls, so each thread takes its own.
 */
@ExtensionPoint
public interface Actor {
    /** Width of one observation row, the flat size of the policy's observation space. */
    int observationSize();

    /** Width of one action: 1 for a discrete action (the index), the dimension for a box. */
    int actionWidth();

    /**
     * Samples one action per observation and gives the state values, as
     * {@code ActionDistribution.sample(rowRandoms)} and {@code ForwardPass.values()} of a forward
     * pass on the same rows would: row {@code i} draws from {@code randoms.get(i)} only, as many
     * numbers as the distribution's sampling does.
     *
     * @param observations {@code rows x observationSize()}, row-major, from index 0
     * @param randoms one stream per row, at least {@code rows}
     * @param actions receives {@code rows x actionWidth()}, row-major, from index 0
     * @param values receives {@code V(s_i)} in {@code values[i]}
     */
    void act(double[] observations, int rows, List<? extends RandomGenerator> randoms, double[] actions, double[] values);

    /** The state values alone: {@code V(s_i)} of observation row {@code i} in {@code values[i]}. */
    void values(double[] observations, int rows, double[] values);
}
