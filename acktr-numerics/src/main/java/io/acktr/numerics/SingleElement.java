package io.acktr.numerics;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Arrays of one element (a value head's {@code 1 x 1} Kronecker factor), done in Java with the
 * arithmetic ND4J's array operations would do: each step rounded to the array's type (a float
 * array's scalar rounded to float first), so the results are the same bit for bit. ND4J's
 * {@code Shape.hasDefaultStridesForShape} says no to a {@code 1 x 1} array, so such an array never
 * counts as its whole buffer ({@link Vectors#ownsItsBuffer}) and every operation on it went through
 * ND4J: a custom operation of 50-150 microseconds for one addition.
 */
final class SingleElement {
    private SingleElement() {
    }

    /** Whether {@code x} is one float or double element, alone in its buffer. */
    static boolean is(INDArray x) {
        return x.length() == 1 && x.offset() == 0 && x.data().length() == 1
                && (x.dataType() == DataType.FLOAT || x.dataType() == DataType.DOUBLE);
    }

    /** The element, exactly (a float widened to double). */
    static double get(INDArray x) {
        return x.data().getDouble(0);
    }

    /** Stores {@code value}, rounded to the array's type. */
    static void set(INDArray x, double value) {
        x.data().put(0, value);
    }

    /** {@code value} rounded to {@code type}. */
    static double cast(double value, DataType type) {
        return type == DataType.FLOAT ? (float) value : value;
    }

    /** {@code value * scalar} as an operation on an array of {@code type} computes it. */
    static double times(double value, double scalar, DataType type) {
        return type == DataType.FLOAT ? (float) value * (float) scalar : value * scalar;
    }

    /** {@code a + b} as an operation on arrays of {@code type} computes it. */
    static double plus(double a, double b, DataType type) {
        return type == DataType.FLOAT ? (float) a + (float) b : a + b;
    }
}
