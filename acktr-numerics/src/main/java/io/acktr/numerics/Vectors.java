package io.acktr.numerics;

import java.lang.ref.Reference;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Whole-array dot products, scaled additions and finiteness checks as single BLAS level-1 calls.
 * On small arrays an ND4J operation costs 10-50 microseconds of overhead, a level-1 call about
 * one; an update makes dozens of these. The BLAS path reads the arrays' buffers as flat vectors,
 * so it is taken only when that is the same as reading them element by element: both arrays own
 * their whole buffer (not views), have the same shape, ordering and floating-point type. Any other
 * pair goes through ordinary ND4J operations with the same result.
 *
 * <p>The copies to and from Java arrays go through NIO views of the buffers. A view does not keep
 * the array's native memory alive, so each such copy ends with a reachability fence on the array.
 */
public final class Vectors {
    private Vectors() {
    }

    /** {@code sum_i x_i y_i} (the arrays must have the same number of elements). */
    public static double dot(INDArray x, INDArray y) {
        requireSameLength(x, y);
        if (flatCompatible(x, y)) {
            return Nd4j.getBlasWrapper().level1().dot(x.length(), 1.0, x, y);
        }
        if (SingleElement.is(x) && SingleElement.is(y)) {
            return SingleElement.get(x) * SingleElement.get(y);
        }
        INDArray a = x.castTo(DataType.DOUBLE);
        return a.mul(y.castTo(DataType.DOUBLE).reshape(a.ordering(), a.shape())).sumNumber().doubleValue();
    }

    /** {@code y <- y + alpha x}, in place. */
    public static void axpy(double alpha, INDArray x, INDArray y) {
        requireSameLength(x, y);
        if (flatCompatible(x, y)) {
            Nd4j.getBlasWrapper().level1().axpy(x.length(), alpha, x, y);
        } else if (SingleElement.is(x) && SingleElement.is(y)) {
            DataType type = y.dataType();
            double added = SingleElement.times(SingleElement.cast(SingleElement.get(x), type), alpha, type);
            SingleElement.set(y, SingleElement.plus(SingleElement.get(y), added, type));
        } else {
            y.addi(x.reshape(y.ordering(), y.shape()).castTo(y.dataType()).mul(alpha));
        }
    }

    /**
     * {@code alpha x} written into {@code into} when that is an array of {@code x}'s shape, ordering
     * and type that owns its buffer (as {@code x} must), else into a new array as {@code x.mul(alpha)}:
     * the array written is returned. Each element is {@code x_i alpha} rounded as ND4J's scalar
     * product rounds it (a float array's {@code alpha} rounded to float first).
     */
    public static INDArray scaled(double alpha, INDArray x, INDArray into) {
        if (into == null || into == x) {
            return x.mul(alpha);
        }
        if (SingleElement.is(x) && SingleElement.is(into) && x.dataType() == into.dataType()) {
            SingleElement.set(into, SingleElement.times(SingleElement.get(x), alpha, x.dataType()));
            return into;
        }
        if (!flatCompatible(x, into) || x.ordering() != into.ordering() || x.length() > Integer.MAX_VALUE) {
            return x.mul(alpha);
        }
        int n = (int) x.length();
        if (x.dataType() == DataType.FLOAT) {
            FloatBuffer from = x.data().asNioFloat();
            FloatBuffer to = into.data().asNioFloat();
            float a = (float) alpha;
            for (int i = 0; i < n; i++) {
                to.put(i, from.get(i) * a);
            }
        } else {
            DoubleBuffer from = x.data().asNioDouble();
            DoubleBuffer to = into.data().asNioDouble();
            for (int i = 0; i < n; i++) {
                to.put(i, from.get(i) * alpha);
            }
        }
        Reference.reachabilityFence(x);
        Reference.reachabilityFence(into);
        return into;
    }

    /**
     * {@code y <- y - alpha x}, rounded as ND4J's {@code y.subi(x.mul(alpha))} rounds it: the
     * product rounded to the arrays' type (a float array's {@code alpha} rounded to float first),
     * then the difference. In one pass in Java when both arrays are their whole buffers of one
     * shape, ordering and floating-point type; otherwise through those ND4J operations.
     */
    public static void subtractScaled(INDArray y, double alpha, INDArray x) {
        requireSameLength(x, y);
        if (!flatCompatible(x, y) || x.ordering() != y.ordering() || x.length() > Integer.MAX_VALUE) {
            y.subi(x.mul(alpha));
            return;
        }
        int n = (int) x.length();
        if (x.dataType() == DataType.FLOAT) {
            FloatBuffer from = x.data().asNioFloat();
            FloatBuffer to = y.data().asNioFloat();
            float a = (float) alpha;
            for (int i = 0; i < n; i++) {
                to.put(i, to.get(i) - from.get(i) * a);
            }
        } else {
            DoubleBuffer from = x.data().asNioDouble();
            DoubleBuffer to = y.data().asNioDouble();
            for (int i = 0; i < n; i++) {
                to.put(i, to.get(i) - from.get(i) * alpha);
            }
        }
        Reference.reachabilityFence(x);
        Reference.reachabilityFence(y);
    }

    /** {@code x <- alpha x}, in place. */
    public static void scale(double alpha, INDArray x) {
        if (ownsItsBuffer(x)) {
            Nd4j.getBlasWrapper().level1().scal(x.length(), alpha, x);
        } else if (SingleElement.is(x)) {
            SingleElement.set(x, SingleElement.times(SingleElement.get(x), alpha, x.dataType()));
        } else {
            x.muli(alpha);
        }
    }

    /**
     * Whether every entry is finite: the sum of absolute values is NaN or infinite when one entry
     * is (or, conservatively, when the sum overflows).
     */
    public static boolean isFinite(INDArray x) {
        if (ownsItsBuffer(x)) {
            return Double.isFinite(Nd4j.getBlasWrapper().level1().asum(x));
        }
        if (SingleElement.is(x)) {
            return Double.isFinite(SingleElement.get(x));
        }
        return Double.isFinite(x.norm1Number().doubleValue());
    }

    /**
     * Copies the elements of {@code x}, in row-major order, into {@code into} from {@code offset}: through
     * the buffer's NIO view when {@code x} is its whole float buffer in row-major order (a copy of a few
     * microseconds), else through the NIO view of a row-major float copy that ND4J makes. (ND4J's own
     * {@code asFloat()} and {@code asDouble()} go element by element through an indexer, several
     * times slower: a fifth of an A2C rollout's time went to one such call.)
     */
    public static void read(INDArray x, float[] into, int offset) {
        int n = checkedLength(x, into.length, offset);
        if (x.dataType() == DataType.FLOAT && wholeRowMajor(x)) {
            x.data().asNioFloat().get(0, into, offset, n);
            Reference.reachabilityFence(x);
        } else {
            INDArray copy = x.castTo(DataType.FLOAT).dup('c');
            copy.data().asNioFloat().get(0, into, offset, n);
            Reference.reachabilityFence(copy);
        }
    }

    /** {@link #read(INDArray, float[], int)} for doubles (a float array's elements widened in Java). */
    public static void read(INDArray x, double[] into, int offset) {
        int n = checkedLength(x, into.length, offset);
        if (x.dataType() == DataType.DOUBLE && wholeRowMajor(x)) {
            x.data().asNioDouble().get(0, into, offset, n);
            Reference.reachabilityFence(x);
        } else if (x.dataType() == DataType.FLOAT && wholeRowMajor(x)) {
            FloatBuffer buffer = x.data().asNioFloat();
            for (int i = 0; i < n; i++) {
                into[offset + i] = buffer.get(i);
            }
            Reference.reachabilityFence(x);
        } else {
            INDArray copy = x.castTo(DataType.DOUBLE).dup('c');
            copy.data().asNioDouble().get(0, into, offset, n);
            Reference.reachabilityFence(copy);
        }
    }

    /** The elements of {@code x} in row-major order, in double: {@link #read(INDArray, double[], int)} into a new array. */
    public static double[] toDoubles(INDArray x) {
        double[] values = new double[Math.toIntExact(x.length())];
        read(x, values, 0);
        return values;
    }

    /**
     * Sets the elements of {@code x}, in row-major order, to {@code from[offset ...]}: through the
     * buffer's NIO view when {@code x} is its whole float buffer in row-major order, else through ND4J.
     */
    public static void write(float[] from, int offset, INDArray x) {
        int n = checkedLength(x, from.length, offset);
        if (x.dataType() == DataType.FLOAT && wholeRowMajor(x)) {
            x.data().asNioFloat().put(0, from, offset, n);
            Reference.reachabilityFence(x);
        } else {
            x.assign(Nd4j.create(Arrays.copyOfRange(from, offset, offset + n), x.shape(), 'c'));
        }
    }

    /** {@link #write(float[], int, INDArray)} for doubles (rounded to float in Java for a float array). */
    public static void write(double[] from, int offset, INDArray x) {
        int n = checkedLength(x, from.length, offset);
        if (x.dataType() == DataType.DOUBLE && wholeRowMajor(x)) {
            x.data().asNioDouble().put(0, from, offset, n);
            Reference.reachabilityFence(x);
        } else if (x.dataType() == DataType.FLOAT && wholeRowMajor(x)) {
            FloatBuffer buffer = x.data().asNioFloat();
            for (int i = 0; i < n; i++) {
                buffer.put(i, (float) from[offset + i]);
            }
            Reference.reachabilityFence(x);
        } else {
            x.assign(Nd4j.create(Arrays.copyOfRange(from, offset, offset + n), x.shape(), 'c'));
        }
    }

    /** Whether the buffer of {@code x} holds exactly its elements in row-major order (c order, or an {@code N x 1} column). */
    private static boolean wholeRowMajor(INDArray x) {
        return ownsItsBuffer(x) && (x.ordering() == 'c' || x.rank() == 2 && x.columns() == 1);
    }

    private static int checkedLength(INDArray x, int arrayLength, int offset) {
        long n = x.length();
        if (offset < 0 || n > arrayLength - (long) offset) {
            throw new IllegalArgumentException("an array of " + arrayLength + " elements has no room for " + n
                    + " from offset " + offset);
        }
        return (int) n;
    }

    /**
     * Whether the array is its whole buffer in its ordering's standard layout (no offset, no gaps, no
     * overlapping strides), in float or double: then BLAS may read the buffer as the array.
     */
    public static boolean ownsItsBuffer(INDArray x) {
        return x.length() > 0 && x.offset() == 0 && x.data().length() == x.length()
                && Shape.hasDefaultStridesForShape(x) && (x.dataType() == DataType.FLOAT || x.dataType() == DataType.DOUBLE);
    }

    private static boolean flatCompatible(INDArray x, INDArray y) {
        return ownsItsBuffer(x) && ownsItsBuffer(y) && x.dataType() == y.dataType()
                && (x.ordering() == y.ordering() || x.isVector() && y.isVector() || x.length() == 1)
                && Arrays.equals(x.shape(), y.shape());
    }

    private static void requireSameLength(INDArray x, INDArray y) {
        if (x.length() != y.length()) {
            throw new IllegalArgumentException("arrays differ in size: " + Arrays.toString(x.shape()) + " and "
                    + Arrays.toString(y.shape()));
        }
    }
}
