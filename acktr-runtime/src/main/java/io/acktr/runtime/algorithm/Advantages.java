package io.acktr.runtime.algorithm;

/**
 * Bootstrapped returns and GAE(lambda) advantages over a rollout of {@code n} steps of {@code E}
 * environments, in plain arrays indexed {@code [t][e]}. An episode that terminated at step
 * {@code t} adds no bootstrap; one truncated at {@code t} (time limit) bootstraps from the value of
 * its final observation; otherwise the recursion continues into step {@code t+1}, and past the
 * last step from {@code lastValues}. {@code lambda = 1} gives the plain n-step advantage
 * {@code R_t - V(s_t)}.
 */
public final class Advantages {
    private Advantages() {
    }

    /**
     * @param rewards {@code r_t}
     * @param values {@code V(s_t)}
     * @param terminated the episode reached a terminal state at step {@code t}
     * @param truncated the episode was cut at step {@code t}
     * @param truncatedValues {@code V(final observation)} where {@code truncated}, ignored elsewhere
     * @param lastValues {@code V(s_n)}, the values of the observations after the last step
     * @return advantages {@code A_t}; the returns are {@code A_t + V(s_t)}
     */
    public static double[][] compute(double[][] rewards, double[][] values, boolean[][] terminated,
                                     boolean[][] truncated, double[][] truncatedValues, double[] lastValues,
                                     double gamma, double lambda) {
        int steps = rewards.length;
        int envs = lastValues.length;
        double[][] advantages = new double[steps][envs];
        for (int e = 0; e < envs; e++) {
            double carried = 0;
            double nextValue = lastValues[e];
            for (int t = steps - 1; t >= 0; t--) {
                double delta;
                if (terminated[t][e]) {
                    delta = rewards[t][e] - values[t][e];
                    carried = delta;
                } else if (truncated[t][e]) {
                    delta = rewards[t][e] + gamma * truncatedValues[t][e] - values[t][e];
                    carried = delta;
                } else {
                    delta = rewards[t][e] + gamma * nextValue - values[t][e];
                    carried = delta + gamma * lambda * carried;
                }
                advantages[t][e] = carried;
                nextValue = values[t][e];
            }
        }
        return advantages;
    }
}
