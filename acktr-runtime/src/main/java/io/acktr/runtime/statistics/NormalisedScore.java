package io.acktr.runtime.statistics;

/**
 * A return on the scale of its task: 0 is the return of a policy acting uniformly at random, 1 the
 * task's threshold, so {@code (R - random) / (threshold - random)}. Scores of different tasks can
 * then be pooled (Agarwal et al. 2021 pool human-normalised Atari scores the same way).
 */
public record NormalisedScore(double randomReturn, double threshold) {
    public NormalisedScore {
        if (!Double.isFinite(randomReturn) || !Double.isFinite(threshold) || !(threshold > randomReturn)) {
            throw new IllegalArgumentException("threshold " + threshold + " must be finite and above the random return "
                    + randomReturn);
        }
    }

    public double of(double meanReturn) {
        return (meanReturn - randomReturn) / (threshold - randomReturn);
    }

    public double[] of(double[] meanReturns) {
        double[] scores = new double[meanReturns.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = of(meanReturns[i]);
        }
        return scores;
    }
}
