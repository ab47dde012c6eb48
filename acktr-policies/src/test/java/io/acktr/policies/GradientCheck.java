package io.acktr.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Central finite differences for gradient checks in tests. */
public final class GradientCheck {
    public static final double EPSILON = 1e-6;
    public static final double TOLERANCE = 1e-5;
    /** Below this magnitude the relative error is measured against this floor instead. */
    private static final double FLOOR = 1e-4;

    private GradientCheck() {
    }

    /** {@code d objective / d x} by central differences, perturbing {@code x} in place (restored). */
    public static INDArray numericGradient(INDArray x, DoubleSupplier objective) {
        INDArray gradient = Nd4j.zeros(DataType.DOUBLE, x.shape());
        for (long i = 0; i < x.length(); i++) {
            double original = x.getDouble(i);
            x.putScalar(i, original + EPSILON);
            double plus = objective.getAsDouble();
            x.putScalar(i, original - EPSILON);
            double minus = objective.getAsDouble();
            x.putScalar(i, original);
            gradient.putScalar(i, (plus - minus) / (2 * EPSILON));
        }
        return gradient;
    }

    /** Largest {@code |a - n| / max(|a|, |n|, 1e-4)} over all entries. */
    public static double maxRelativeError(INDArray analytic, INDArray numeric) {
        assertThat(analytic.shape()).as("gradient shape").isEqualTo(numeric.shape());
        double worst = 0;
        for (long i = 0; i < numeric.length(); i++) {
            double a = analytic.getDouble(i);
            double n = numeric.getDouble(i);
            worst = Math.max(worst, Math.abs(a - n) / Math.max(FLOOR, Math.max(Math.abs(a), Math.abs(n))));
        }
        return worst;
    }

    public static void assertGradientMatches(String what, INDArray analytic, INDArray x, DoubleSupplier objective) {
        INDArray numeric = numericGradient(x, objective);
        assertThat(maxRelativeError(analytic, numeric))
                .as("%s: analytic %s vs numeric %s", what, analytic, numeric)
                .isLessThan(TOLERANCE);
    }

    /** A DOUBLE matrix of normal entries from a seeded generator. */
    public static INDArray gaussian(Random random, double scale, long rows, long columns) {
        double[] values = new double[(int) (rows * columns)];
        for (int i = 0; i < values.length; i++) {
            values[i] = scale * random.nextGaussian();
        }
        return Nd4j.create(values, new long[] {rows, columns}, DataType.DOUBLE);
    }

    public static double sum(INDArray array) {
        return Arrays.stream(array.dup().data().asDouble()).sum();
    }
}
