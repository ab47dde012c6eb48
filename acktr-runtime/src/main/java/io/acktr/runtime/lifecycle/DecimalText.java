package io.acktr.runtime.lifecycle;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The text {@code String.format(Locale.ROOT, "%.Ng", v)} and {@code "%.Nf"} give, character for
 * character, without {@link java.util.Formatter}. progress.csv writes a row per update; through
 * the Formatter that row cost more than the rest of the listeners' work in a short run, and HotSpot's
 * one C2 compiler thread spent about half a second of a 100,000-step run compiling the Formatter's
 * number printing instead of the learner. Both forms round as the Formatter does: the shortest
 * decimal digits that identify the double ({@link Double#toString}), rounded half up.
 * {@code DecimalTextTest} holds them to the Formatter's output.
 */
final class DecimalText {
    private DecimalText() {
    }

    /** {@code String.format(Locale.ROOT, "%." + digits + "g", v)}: {@code digits} significant digits. */
    static String significant(double v, int digits) {
        if (digits < 1) {
            throw new IllegalArgumentException("digits must be >= 1, got " + digits);
        }
        if (!Double.isFinite(v)) {
            return String.format(Locale.ROOT, "%." + digits + "g", v);
        }
        StringBuilder text = new StringBuilder(digits + 8);
        if (Double.compare(v, 0.0) < 0) {
            text.append('-');
        }
        double magnitude = Math.abs(v);
        if (magnitude == 0.0) {
            text.append('0');
            if (digits > 1) {
                text.append('.').append("0".repeat(digits - 1));
            }
            return text.toString();
        }
        BigDecimal rounded = new BigDecimal(Double.toString(magnitude)).round(new MathContext(digits, RoundingMode.HALF_UP));
        int exponent = rounded.precision() - rounded.scale() - 1; // of the leading digit
        if (exponent < -4 || exponent >= digits) {
            text.append(rounded.movePointLeft(exponent).setScale(digits - 1, RoundingMode.UNNECESSARY).toPlainString());
            text.append('e').append(exponent < 0 ? '-' : '+');
            int e = Math.abs(exponent);
            if (e < 10) {
                text.append('0');
            }
            text.append(e);
        } else {
            text.append(rounded.setScale(digits - 1 - exponent, RoundingMode.UNNECESSARY).toPlainString());
        }
        return text.toString();
    }

    /** {@code String.format(Locale.ROOT, "%." + decimals + "f", v)}: {@code decimals} digits after the point. */
    static String fixed(double v, int decimals) {
        if (decimals < 1) {
            throw new IllegalArgumentException("decimals must be >= 1, got " + decimals);
        }
        if (!Double.isFinite(v)) {
            return String.format(Locale.ROOT, "%." + decimals + "f", v);
        }
        String digits = new BigDecimal(Double.toString(Math.abs(v))).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        return Double.compare(v, 0.0) < 0 ? "-" + digits : digits;
    }
}
