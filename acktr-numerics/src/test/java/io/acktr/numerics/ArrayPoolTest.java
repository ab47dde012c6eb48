package io.acktr.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class ArrayPoolTest {
    private final ArrayPool pool = new ArrayPool(2);

    @Test
    void aReleasedArrayIsHandedOutAgainForTheSameTypeAndShape() {
        ArrayPool.Lease first = pool.take(DataType.FLOAT, 3, 4);
        INDArray array = first.array();
        assertThat(array.shape()).containsExactly(3, 4);
        assertThat(array.ordering()).isEqualTo('c');
        first.release();

        assertThat(pool.take(DataType.FLOAT, 3, 4).array()).isSameAs(array);
        assertThat(pool.counts()).containsExactly(2, 1);
    }

    @Test
    void otherShapesAndTypesGetTheirOwnArrays() {
        ArrayPool.Lease lease = pool.take(DataType.FLOAT, 3, 4);
        lease.release();

        assertThat(pool.take(DataType.FLOAT, 4, 3).array()).isNotSameAs(lease.array());
        assertThat(pool.take(DataType.DOUBLE, 3, 4).array()).isNotSameAs(lease.array());
        assertThat(pool.counts()[1]).isZero();
    }

    @Test
    void aRetainedArrayStaysOutUntilEveryHolderReleasedIt() {
        ArrayPool.Lease lease = pool.take(DataType.DOUBLE, 2, 2);
        lease.retain();
        lease.release();

        ArrayPool.Lease meanwhile = pool.take(DataType.DOUBLE, 2, 2);
        assertThat(meanwhile.array()).isNotSameAs(lease.array());

        lease.release();
        assertThat(pool.take(DataType.DOUBLE, 2, 2).array()).isSameAs(lease.array());
    }

    @Test
    void anArrayIsNotHandedOutTwiceWhileHeld() {
        ArrayPool.Lease a = pool.take(DataType.FLOAT, 5, 1);
        ArrayPool.Lease b = pool.take(DataType.FLOAT, 5, 1);
        assertThat(b.array()).isNotSameAs(a.array());
    }

    @Test
    void keepsAtMostItsLimitOfFreeArraysPerShape() {
        ArrayPool.Lease[] leases = {pool.take(DataType.FLOAT, 2, 3), pool.take(DataType.FLOAT, 2, 3),
                pool.take(DataType.FLOAT, 2, 3)};
        for (ArrayPool.Lease lease : leases) {
            lease.release();
        }
        pool.take(DataType.FLOAT, 2, 3);
        pool.take(DataType.FLOAT, 2, 3);
        pool.take(DataType.FLOAT, 2, 3);

        assertThat(pool.counts()).containsExactly(6, 2);
    }

    @Test
    void releasingMoreOftenThanHeldFailsAndTheArrayCannotBeRetainedAfterwards() {
        ArrayPool.Lease lease = pool.take(DataType.FLOAT, 2, 2);
        lease.release();

        assertThatThrownBy(lease::release).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("more often than it was held");
        assertThatThrownBy(lease::retain).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("retained a released array");
    }

    @Test
    void anUnpooledLeaseOnlyCounts() {
        INDArray array = pool.take(DataType.FLOAT, 2, 2).array();
        ArrayPool.Lease unpooled = ArrayPool.Lease.unpooled(array);
        unpooled.release();

        assertThat(pool.take(DataType.FLOAT, 2, 2).array()).isNotSameAs(array);
    }

    @Test
    void rejectsANegativeLimit() {
        assertThatThrownBy(() -> new ArrayPool(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keepPerShape must be >= 0, got -1");
    }
}
