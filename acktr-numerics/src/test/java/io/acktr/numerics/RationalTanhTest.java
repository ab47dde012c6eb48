package io.acktr.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RationalTanhTest {
    private static final double RELATIVE_BOUND = 4e-9;

    @Test
    void staysWithinItsRelativeBoundOfTanhOnADenseGridAndBeyondTheClamp() {
        double worst = 0;
        for (int i = -2_400_000; i <= 2_400_000; i++) {
            double x = i * 1e-5; // -24 .. 24
            worst = Math.max(worst, relativeError(x));
        }
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            double x = Math.scalb(random.nextDouble(), -random.nextInt(60)) * (random.nextBoolean() ? 1 : -1);
            worst = Math.max(worst, relativeError(x)); // tiny arguments, where tanh(x) ~ x
        }
        assertTrue(worst <= RELATIVE_BOUND, "largest relative error " + worst);
        assertTrue(worst > 1e-10, "the bound is not loose by orders of magnitude: " + worst);
    }

    @Test
    void isOddAndBelowOneInMagnitude() {
        for (double x = 0; x < 50; x += 0.001) {
            assertEquals(-RationalTanh.of(x), RationalTanh.of(-x), 0.0, "at " + x);
            assertTrue(Math.abs(RationalTanh.of(x)) < 1.0, "at " + x);
        }
    }

    @Test
    void increasesWithItsArgument() {
        double previous = RationalTanh.of(-12);
        for (double x = -12; x <= 12; x += 1e-4) {
            double y = RationalTanh.of(x);
            assertTrue(y >= previous, "falls from " + previous + " to " + y + " at " + x);
            previous = y;
        }
    }

    @Test
    void keepsNanAndMapsInfinitiesToTheClampedValue() {
        assertTrue(Double.isNaN(RationalTanh.of(Double.NaN)));
        assertEquals(RationalTanh.of(RationalTanh.CLAMP), RationalTanh.of(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(-RationalTanh.of(RationalTanh.CLAMP), RationalTanh.of(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(0.0, RationalTanh.of(0.0), 0.0);
    }

    @Test
    void appliesInPlaceToTheFirstLengthEntriesOnly() {
        double[] values = {0.5, -2.0, 30.0, 7.0};
        RationalTanh.applyInPlace(values, 3);
        assertEquals(Math.tanh(0.5), values[0], 1e-9);
        assertEquals(Math.tanh(-2.0), values[1], 1e-9);
        assertEquals(1.0, values[2], 1e-8);
        assertEquals(7.0, values[3], 0.0);
    }

    private static double relativeError(double x) {
        double exact = Math.tanh(x);
        return exact == 0 ? Math.abs(RationalTanh.of(x)) : Math.abs(RationalTanh.of(x) - exact) / Math.abs(exact);
    }
}
