package io.acktr.envs.wrappers;

/**
 * The mean and population variance of one column of samples, computed directly from sums, with
 * stable-baselines3's prior: a pseudo-sample of weight {@code 1e-4}, mean 0 and variance 1
 * (so it adds {@code 1e-4} to the weight, 0 to the sum and {@code 1e-4} to the sum of squares).
 */
record DirectMoments(double count, double mean, double variance) {
    static DirectMoments of(double... samples) {
        double weight = 1e-4 + samples.length;
        double sum = 0;
        double sumOfSquares = 1e-4;
        for (double x : samples) {
            sum += x;
            sumOfSquares += x * x;
        }
        double mean = sum / weight;
        return new DirectMoments(weight, mean, sumOfSquares / weight - mean * mean);
    }

    static DirectMoments column(double[][] samples, int column) {
        double[] values = new double[samples.length];
        for (int k = 0; k < samples.length; k++) {
            values[k] = samples[k][column];
        }
        return of(values);
    }
}
