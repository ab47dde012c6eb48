package io.acktr.numerics;

import java.lang.ref.Reference;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Row-wise building of small matrices. {@code Nd4j.hstack} goes through a native concat operation
 * that costs about 100 microseconds on a 160 x 64 float matrix, where the copy itself is a few: here
 * the rows are copied buffer to buffer through the arrays' NIO views.
 */
public final class Rows {
    private Rows() {
    }

    /**
     * {@code [x, 1]}: the {@code N x k} matrix {@code x} with a column of ones appended, a new
     * {@code N x (k + 1)} c-order matrix of {@code x}'s data type.
     */
    public static INDArray appendOnes(INDArray x) {
        if (!canAppendOnesInto(x)) {
            if (x.rank() != 2) {
                throw new IllegalArgumentException("a matrix is needed, got rank " + x.rank());
            }
            return Nd4j.hstack(x, Nd4j.ones(x.dataType(), x.rows(), 1));
        }
        INDArray out = Nd4j.createUninitialized(x.dataType(), new long[] {x.rows(), x.columns() + 1}, 'c');
        appendOnes(x, out);
        return out;
    }

    /**
     * Whether {@link #appendOnes(INDArray, INDArray)} takes {@code x}: a float or double matrix in
     * c order that is its whole buffer.
     */
    public static boolean canAppendOnesInto(INDArray x) {
        return x.rank() == 2 && x.ordering() == 'c' && Vectors.ownsItsBuffer(x)
                && x.rows() * (x.columns() + 1) <= Integer.MAX_VALUE;
    }

    /**
     * {@code [x, 1]} written into {@code out}, a c-order {@code N x (k + 1)} matrix of {@code x}'s
     * type that is its whole buffer; {@code x} must pass {@link #canAppendOnesInto}.
     */
    public static void appendOnes(INDArray x, INDArray out) {
        if (!canAppendOnesInto(x) || out.rank() != 2 || out.ordering() != 'c' || !Vectors.ownsItsBuffer(out)
                || out.dataType() != x.dataType() || out.rows() != x.rows() || out.columns() != x.columns() + 1) {
            throw new IllegalArgumentException("cannot append ones to " + Arrays.toString(x.shape()) + " " + x.dataType()
                    + " into " + Arrays.toString(out.shape()) + " " + out.dataType());
        }
        int n = (int) x.rows();
        int k = (int) x.columns();
        if (x.dataType() == DataType.FLOAT) {
            FloatBuffer from = x.data().asNioFloat();
            FloatBuffer to = out.data().asNioFloat();
            for (int i = 0; i < n; i++) {
                to.put(i * (k + 1), from, i * k, k);
                to.put(i * (k + 1) + k, 1f);
            }
        } else {
            DoubleBuffer from = x.data().asNioDouble();
            DoubleBuffer to = out.data().asNioDouble();
            for (int i = 0; i < n; i++) {
                to.put(i * (k + 1), from, i * k, k);
                to.put(i * (k + 1) + k, 1.0);
            }
        }
        // an NIO view does not keep the array alive: its native memory must not be freed mid-copy
        Reference.reachabilityFence(x);
        Reference.reachabilityFence(out);
    }

    /**
     * {@code [left, right]}: two matrices with the same rows side by side, a new c-order matrix of
     * their data type; matrices of different data types are refused by ND4J's own hstack, to which
     * anything but two float or double matrices that own their c-order buffers goes.
     */
    public static INDArray sideBySide(INDArray left, INDArray right) {
        if (left.rank() != 2 || right.rank() != 2 || left.rows() != right.rows()) {
            throw new IllegalArgumentException("two matrices with the same rows are needed, got "
                    + Arrays.toString(left.shape()) + " and " + Arrays.toString(right.shape()));
        }
        if (left.dataType() != right.dataType() || left.ordering() != 'c' || right.ordering() != 'c'
                || !Vectors.ownsItsBuffer(left) || !Vectors.ownsItsBuffer(right)
                || left.rows() * (left.columns() + right.columns()) > Integer.MAX_VALUE) {
            return Nd4j.hstack(left, right);
        }
        int n = (int) left.rows();
        int a = (int) left.columns();
        int b = (int) right.columns();
        INDArray out = Nd4j.createUninitialized(left.dataType(), new long[] {n, a + b}, 'c');
        if (left.dataType() == DataType.FLOAT) {
            FloatBuffer fromLeft = left.data().asNioFloat();
            FloatBuffer fromRight = right.data().asNioFloat();
            FloatBuffer to = out.data().asNioFloat();
            for (int i = 0; i < n; i++) {
                to.put(i * (a + b), fromLeft, i * a, a);
                to.put(i * (a + b) + a, fromRight, i * b, b);
            }
        } else {
            DoubleBuffer fromLeft = left.data().asNioDouble();
            DoubleBuffer fromRight = right.data().asNioDouble();
            DoubleBuffer to = out.data().asNioDouble();
            for (int i = 0; i < n; i++) {
                to.put(i * (a + b), fromLeft, i * a, a);
                to.put(i * (a + b) + a, fromRight, i * b, b);
            }
        }
        Reference.reachabilityFence(left);
        Reference.reachabilityFence(right);
        return out;
    }
}
