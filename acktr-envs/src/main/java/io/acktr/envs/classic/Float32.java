package io.acktr.envs.classic;

/**
 * Gymnasium's float32: its classic-control environments return float32 observations and declare
 * float32 bounds, and some keep their state in float32. Our environments return doubles holding
 * exactly those float32 values, so they agree bit for bit with Gymnasium's.
 */
final class Float32 {
    private Float32() {
    }

    /** {@code value} rounded to the nearest float32, as a double. */
    static double round(double value) {
        return (float) value;
    }

    /** Each value rounded to the nearest float32, in a new array. */
    static double[] round(double... values) {
        double[] rounded = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            rounded[i] = (float) values[i];
        }
        return rounded;
    }
}
