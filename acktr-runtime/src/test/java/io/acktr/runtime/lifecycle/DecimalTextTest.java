package io.acktr.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalTextTest {
    /** Doubles of every kind the Formatter treats apart: magnitudes, signs, exact binary fractions, rounding ties. */
    private static List<Double> values() {
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1e-4, 9.99995e-5, 9.999949e-5,
                1e-5, 123456.5, 999999.5, 999999.4, 1e6, 1e7, 1.234565, 1.2345650000000001, 0.0001234565, 2.5e-300,
                Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 1e22, 1e23, 2e23, 5e-324, 0.05, 0.15, 0.25, 0.35,
                0.45, 0.95, 9.5, 99.95, 475.0, -164.4, 15963.0, 27345.67, 0.001154, 2.04e-05));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 40_000; i++) {
            double mantissa = random.nextDouble(1.0, 10.0);
            int exponent = random.nextInt(-40, 40);
            double v = mantissa * Math.pow(10, exponent);
            values.add(random.nextBoolean() ? v : -v);
            values.add(Double.longBitsToDouble(random.nextLong()));
            values.add((double) random.nextInt(-1 << 20, 1 << 20) / (1 << random.nextInt(0, 24)));
            // a decimal tie at the seventh significant digit, and its neighbours
            double tie = Double.parseDouble(String.format(Locale.ROOT, "%.6fe%d", random.nextInt(100_000, 1_000_000) / 1e5
                    + 5e-6, random.nextInt(-8, 9)));
            values.add(tie);
            values.add(Math.nextUp(tie));
            values.add(Math.nextDown(tie));
        }
        return values;
    }

    @Test
    void significantDigitsAreTheFormattersGeneralForm() {
        for (double v : values()) {
            for (int digits : new int[] {1, 3, 6}) {
                assertThat(DecimalText.significant(v, digits)).as("%%.%dg of %s", digits, v)
                        .isEqualTo(String.format(Locale.ROOT, "%." + digits + "g", v));
            }
        }
    }

    @Test
    void fixedDecimalsAreTheFormattersDecimalForm() {
        for (double v : values()) {
            if (Math.abs(v) > 1e30) {
                continue; // the Formatter writes every integer digit; so does this, but slowly in a test of 10^6 values
            }
            assertThat(DecimalText.fixed(v, 1)).as("%%.1f of %s", v).isEqualTo(String.format(Locale.ROOT, "%.1f", v));
        }
    }

    @Test
    void nonFiniteValuesReadAsTheFormatterWritesThem() {
        for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThat(DecimalText.significant(v, 6)).isEqualTo(String.format(Locale.ROOT, "%.6g", v));
            assertThat(DecimalText.fixed(v, 1)).isEqualTo(String.format(Locale.ROOT, "%.1f", v));
        }
        assertThatThrownBy(() -> DecimalText.significant(1.0, 0)).hasMessageContaining("digits must be >= 1");
    }
}
