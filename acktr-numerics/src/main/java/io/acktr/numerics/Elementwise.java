package io.acktr.numerics;

import java.lang.ref.Reference;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Element-wise operations on small matrices in plain loops over the buffers' NIO views. Through ND4J
 * a product of two 160 x 64 float matrices costs tens of microseconds (an operation context, and a
 * slow strided loop when one is a view, as a gradient without its bias column is), where the
 * arithmetic is a few; a backward pass makes one per hidden layer. The products and
 * {@link #oneMinusSquare} compute each element with the same float or double operations as ND4J's,
 * so their results are the same bit for bit; {@link #tanhInPlace} is not (see there). Anything but
 * rank-2 float or double matrices goes through ND4J.
 *
 * <p>{@link #scaleColumns}, {@link #scaleRows} and {@link #addToEveryRow} stand in for ND4J's row-
 * and column-vector operations (its broadcasts) for another reason: those hand libnd4j a
 * tensor-along-dimension descriptor that Java owns, and with two threads using them and garbage
 * collections between, the JVM died in {@code sd::TadDescriptor} or {@code sd::DataBuffer::primary()}:
 * a two-job BipedalWalker suite after 1.85M steps, and a stand-alone loop of such operations on two
 * threads with {@code System.gc()} beside them within a minute, also with every array kept reachable.
 * A run's learner and its asynchronous K-FAC thread, or two runs of a suite in one JVM, are two such
 * threads. Nothing of acktr's calls ND4J's broadcasts.
 */
public final class Elementwise {
    /** Elements widened to double at a time by {@link #tanhInPlace}. */
    private static final int CHUNK = 1024;

    private Elementwise() {
    }

    /**
     * {@code a * b} element by element: written over {@code a} when {@code inPlace}, else into a new
     * array of {@code a}'s shape and ordering (as {@code a.mul(b)}). The arrays must have one shape;
     * either may be a strided view (a gradient without its bias column, say).
     */
    public static INDArray multiply(INDArray a, INDArray b, boolean inPlace) {
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException("arrays differ in shape: " + Arrays.toString(a.shape()) + " and "
                    + Arrays.toString(b.shape()));
        }
        if (!strided(a) || !strided(b) || a.dataType() != b.dataType()) {
            return inPlace ? a.muli(b) : a.mul(b);
        }
        INDArray out = inPlace ? a : Nd4j.createUninitialized(a.dataType(), a.shape(), a.ordering());
        int rows = (int) a.rows();
        int columns = (int) a.columns();
        int xo = (int) a.offset();
        int xr = (int) a.stride(0);
        int xc = (int) a.stride(1);
        int yo = (int) b.offset();
        int yr = (int) b.stride(0);
        int yc = (int) b.stride(1);
        int zo = (int) out.offset();
        int zr = (int) out.stride(0);
        int zc = (int) out.stride(1);
        if (a.dataType() == DataType.FLOAT) {
            FloatBuffer x = a.data().asNioFloat();
            FloatBuffer y = b.data().asNioFloat();
            FloatBuffer z = out.data().asNioFloat();
            float[] u = new float[columns];
            float[] v = new float[columns];
            for (int i = 0; i < rows; i++) {
                row(x, xo + i * xr, xc, u);
                row(y, yo + i * yr, yc, v);
                for (int j = 0; j < columns; j++) {
                    u[j] *= v[j];
                }
                putRow(u, z, zo + i * zr, zc);
            }
        } else {
            DoubleBuffer x = a.data().asNioDouble();
            DoubleBuffer y = b.data().asNioDouble();
            DoubleBuffer z = out.data().asNioDouble();
            double[] u = new double[columns];
            double[] v = new double[columns];
            for (int i = 0; i < rows; i++) {
                row(x, xo + i * xr, xc, u);
                row(y, yo + i * yr, yc, v);
                for (int j = 0; j < columns; j++) {
                    u[j] *= v[j];
                }
                putRow(u, z, zo + i * zr, zc);
            }
        }
        // NIO views do not keep the arrays' native memory alive
        Reference.reachabilityFence(a);
        Reference.reachabilityFence(b);
        Reference.reachabilityFence(out);
        return out;
    }

    /**
     * {@code 1 - y * y} element by element into {@code target} (the derivative of {@code tanh} from
     * its output), which is returned; {@code target} has {@code y}'s shape and type.
     */
    public static INDArray oneMinusSquare(INDArray y, INDArray target) {
        if (!plain(y) || !plain(target) || y.dataType() != target.dataType() || y.ordering() != target.ordering()
                || !Arrays.equals(y.shape(), target.shape())) {
            return target.assign(y).muli(y).rsubi(1.0);
        }
        int n = (int) y.length();
        if (y.dataType() == DataType.FLOAT) {
            float[] values = new float[n];
            y.data().asNioFloat().get(0, values, 0, n);
            for (int i = 0; i < n; i++) {
                values[i] = 1f - values[i] * values[i];
            }
            target.data().asNioFloat().put(0, values, 0, n);
        } else {
            double[] values = new double[n];
            y.data().asNioDouble().get(0, values, 0, n);
            for (int i = 0; i < n; i++) {
                values[i] = 1.0 - values[i] * values[i];
            }
            target.data().asNioDouble().put(0, values, 0, n);
        }
        Reference.reachabilityFence(y);
        Reference.reachabilityFence(target);
        return target;
    }

    /**
     * {@code tanh} over a float matrix that is its whole buffer, in place, by {@link RationalTanh}
     * evaluated in double and rounded to float once (within one unit in the last place of
     * {@code tanh}), which is returned. A chunk at a time is widened to double, where the JIT
     * vectorises the approximation: 23 us for 160 x 64 floats against libnd4j's 100 us, which
     * computes a float {@code tanh} through {@code powf}; the two differ in the last bit for some
     * elements. A double matrix, or any other, goes through ND4J: the approximation is only as
     * accurate as float.
     */
    public static INDArray tanhInPlace(INDArray x) {
        if (!plain(x) || x.dataType() != DataType.FLOAT) {
            return Transforms.tanh(x, false);
        }
        int n = (int) x.length();
        float[] values = new float[Math.min(n, CHUNK)];
        double[] wide = new double[values.length];
        FloatBuffer buffer = x.data().asNioFloat();
        for (int start = 0; start < n; start += CHUNK) {
            int m = Math.min(CHUNK, n - start);
            buffer.get(start, values, 0, m);
            for (int i = 0; i < m; i++) {
                wide[i] = values[i];
            }
            RationalTanh.applyInPlace(wide, m);
            for (int i = 0; i < m; i++) {
                values[i] = (float) wide[i];
            }
            buffer.put(start, values, 0, m);
        }
        Reference.reachabilityFence(x);
        return x;
    }

    /**
     * {@code matrix[i][j] * factors[j]}: each column scaled by its factor, as ND4J's
     * {@code mulRowVector}, without its broadcast (see the class comment). Written over
     * {@code matrix} when {@code inPlace}, else into a new c-order array, which is returned.
     */
    public static INDArray scaleColumns(INDArray matrix, INDArray factors, boolean inPlace) {
        return scaleOrShift(matrix, factors, Along.COLUMNS, false, inPlace);
    }

    /** {@code matrix[i][j] * factors[i]}: each row scaled by its factor, as {@code mulColumnVector}. */
    public static INDArray scaleRows(INDArray matrix, INDArray factors, boolean inPlace) {
        return scaleOrShift(matrix, factors, Along.ROWS, false, inPlace);
    }

    /** {@code matrix[i][j] + terms[j]}: the same row added to every row, as {@code addRowVector}. */
    public static INDArray addToEveryRow(INDArray matrix, INDArray terms, boolean inPlace) {
        return scaleOrShift(matrix, terms, Along.COLUMNS, true, inPlace);
    }

    private enum Along { ROWS, COLUMNS }

    /**
     * A matrix's elements times (or plus) a vector's, one element per row or per column, in plain
     * loops in the matrix's type (the vector read in that type): the same float or double operation
     * per element as ND4J's broadcast, so the same result bit for bit.
     */
    private static INDArray scaleOrShift(INDArray matrix, INDArray vector, Along along, boolean add, boolean inPlace) {
        if (matrix.rank() != 2) {
            throw new IllegalArgumentException("expected a matrix, got shape " + Arrays.toString(matrix.shape()));
        }
        long expected = along == Along.COLUMNS ? matrix.columns() : matrix.rows();
        if (vector.length() != expected || vector.rank() > 2 || vector.rank() == 2 && vector.rows() != 1
                && vector.columns() != 1) {
            throw new IllegalArgumentException("expected a vector of " + expected + " elements for a "
                    + matrix.rows() + " x " + matrix.columns() + " matrix, got shape " + Arrays.toString(vector.shape()));
        }
        if (matrix.dataType() != DataType.FLOAT && matrix.dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException("only float and double matrices, got " + matrix.dataType());
        }
        if (matrix.length() == 0) {
            return inPlace ? matrix : matrix.dup();
        }
        INDArray out = inPlace && strided(matrix) ? matrix : matrix.dup('c');
        int rows = (int) out.rows();
        int columns = (int) out.columns();
        int zo = (int) out.offset();
        int zr = (int) out.stride(0);
        int zc = (int) out.stride(1);
        if (out.dataType() == DataType.FLOAT) {
            float[] v = new float[(int) expected];
            Vectors.read(vector, v, 0);
            FloatBuffer z = out.data().asNioFloat();
            float[] u = new float[columns];
            for (int i = 0; i < rows; i++) {
                row(z, zo + i * zr, zc, u);
                for (int j = 0; j < columns; j++) {
                    float w = along == Along.COLUMNS ? v[j] : v[i];
                    u[j] = add ? u[j] + w : u[j] * w;
                }
                putRow(u, z, zo + i * zr, zc);
            }
        } else {
            double[] v = new double[(int) expected];
            Vectors.read(vector, v, 0);
            DoubleBuffer z = out.data().asNioDouble();
            double[] u = new double[columns];
            for (int i = 0; i < rows; i++) {
                row(z, zo + i * zr, zc, u);
                for (int j = 0; j < columns; j++) {
                    double w = along == Along.COLUMNS ? v[j] : v[i];
                    u[j] = add ? u[j] + w : u[j] * w;
                }
                putRow(u, z, zo + i * zr, zc);
            }
        }
        Reference.reachabilityFence(out);
        if (inPlace && out != matrix) {
            matrix.assign(out);
            return matrix;
        }
        return out;
    }

    /** Row elements {@code start, start + stride, ...} of {@code from} into {@code into}: one bulk copy when contiguous. */
    private static void row(FloatBuffer from, int start, int stride, float[] into) {
        if (stride == 1) {
            from.get(start, into, 0, into.length);
        } else {
            for (int j = 0; j < into.length; j++) {
                into[j] = from.get(start + j * stride);
            }
        }
    }

    private static void row(DoubleBuffer from, int start, int stride, double[] into) {
        if (stride == 1) {
            from.get(start, into, 0, into.length);
        } else {
            for (int j = 0; j < into.length; j++) {
                into[j] = from.get(start + j * stride);
            }
        }
    }

    private static void putRow(float[] from, FloatBuffer to, int start, int stride) {
        if (stride == 1) {
            to.put(start, from, 0, from.length);
        } else {
            for (int j = 0; j < from.length; j++) {
                to.put(start + j * stride, from[j]);
            }
        }
    }

    private static void putRow(double[] from, DoubleBuffer to, int start, int stride) {
        if (stride == 1) {
            to.put(start, from, 0, from.length);
        } else {
            for (int j = 0; j < from.length; j++) {
                to.put(start + j * stride, from[j]);
            }
        }
    }

    /**
     * A rank-2 float or double matrix whose elements lie at {@code offset + i stride0 + j stride1}
     * within its buffer (a whole array or a strided view), indexable with an int.
     */
    private static boolean strided(INDArray x) {
        if (x.rank() != 2 || x.length() == 0 || x.dataType() != DataType.FLOAT && x.dataType() != DataType.DOUBLE
                || x.stride(0) < 0 || x.stride(1) < 0) {
            return false;
        }
        long last = x.offset() + (x.rows() - 1) * x.stride(0) + (x.columns() - 1) * x.stride(1);
        return last < x.data().length() && last <= Integer.MAX_VALUE;
    }

    /** A rank-2 float or double array that is its whole buffer in c or f order, small enough to index with an int. */
    private static boolean plain(INDArray x) {
        return x.rank() == 2 && Vectors.ownsItsBuffer(x) && (x.ordering() == 'c' || x.ordering() == 'f')
                && x.length() <= Integer.MAX_VALUE;
    }
}
