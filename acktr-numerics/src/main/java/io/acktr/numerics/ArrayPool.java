package io.acktr.numerics;

import io.acktr.api.curvature.ArrayLease;
import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Large row-major temporaries (a convolution's patch matrix: 263 MB for the Nature CNN at batch
 * 640) handed out again once their holders are done with them. A fresh native buffer of that size
 * costs more than filling it: the kernel maps and zeroes every page on first touch, and ND4J frees
 * the old one only after a garbage collection. A reused buffer is already mapped.
 *
 * <p>{@link #take} gives a {@link Lease} with one holder. Whoever keeps the array past the call that
 * handed it over (a background thread) {@link Lease#retain retains} it and releases it when done; the
 * array goes back to the pool when the last holder {@link Lease#release releases} it, and its
 * contents are then unspecified. A lease that is never released is collected as any array is, so
 * forgetting a release costs only the reuse. The pool keeps at most {@code keepPerShape} free arrays
 * of each data type and shape. Thread-safe.
 */
public final class ArrayPool {
    private record Shape(DataType type, long rows, long columns) {
    }

    private final int keepPerShape;
    private final Map<Shape, Deque<INDArray>> free = new HashMap<>();
    private long taken;
    private long reused;

    public ArrayPool(int keepPerShape) {
        if (keepPerShape < 0) {
            throw new IllegalArgumentException("keepPerShape must be >= 0, got " + keepPerShape);
        }
        this.keepPerShape = keepPerShape;
    }

    /** A {@code rows x columns} c-order array of {@code type} with unspecified contents, held once. */
    public Lease take(DataType type, long rows, long columns) {
        requireNonNull(type, "type is null");
        Shape shape = new Shape(type, rows, columns);
        INDArray array;
        synchronized (this) {
            taken++;
            Deque<INDArray> arrays = free.get(shape);
            array = arrays == null ? null : arrays.pollLast();
            if (array != null) {
                reused++;
            }
        }
        return new Lease(this, array != null ? array : Nd4j.createUninitialized(type, new long[] {rows, columns}, 'c'));
    }

    /** How many arrays {@link #take} handed out, and how many of those were reused. */
    public synchronized long[] counts() {
        return new long[] {taken, reused};
    }

    private synchronized void giveBack(INDArray array) {
        Deque<INDArray> arrays = free.computeIfAbsent(new Shape(array.dataType(), array.rows(), array.columns()),
                s -> new ArrayDeque<>());
        if (arrays.size() < keepPerShape) {
            arrays.addLast(array);
        }
    }

    /** One array and the count of its holders; see {@link ArrayPool}. */
    public static final class Lease implements ArrayLease {
        private final ArrayPool pool;
        private final INDArray array;
        private final AtomicInteger holders = new AtomicInteger(1);

        private Lease(ArrayPool pool, INDArray array) {
            this.pool = pool;
            this.array = array;
        }

        /** A lease on an array no pool owns: its releases only count. */
        public static Lease unpooled(INDArray array) {
            return new Lease(null, requireNonNull(array, "array is null"));
        }

        @Override
        public INDArray array() {
            return array;
        }

        /** One more holder; fails once the array went back to the pool. */
        @Override
        public Lease retain() {
            int before = holders.getAndUpdate(h -> h > 0 ? h + 1 : h);
            if (before <= 0) {
                throw new IllegalStateException("retained a released array " + Arrays.toString(array.shape()));
            }
            return this;
        }

        /** One holder fewer; the last one returns the array to the pool. */
        @Override
        public void release() {
            int after = holders.decrementAndGet();
            if (after < 0) {
                throw new IllegalStateException("released an array " + Arrays.toString(array.shape())
                        + " more often than it was held");
            }
            if (after == 0 && pool != null) {
                pool.giveBack(array);
            }
        }
    }
}
