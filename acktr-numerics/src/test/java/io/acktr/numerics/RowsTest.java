package io.acktr.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class RowsTest {
    private static INDArray expected(INDArray x) {
        INDArray out = Nd4j.zeros(x.dataType(), x.rows(), x.columns() + 1);
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < x.columns(); j++) {
                out.putScalar(i, j, x.getDouble(i, j));
            }
            out.putScalar(i, x.columns(), 1.0);
        }
        return out;
    }

    @Test
    void appendsAColumnOfOnesToFloatAndDoubleMatrices() {
        Nd4j.getRandom().setSeed(3);
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (int[] shape : new int[][] {{1, 1}, {1, 5}, {7, 1}, {160, 64}, {3, 4}}) {
                INDArray x = Nd4j.rand(type, shape[0], shape[1]).subi(0.5);
                INDArray withOnes = Rows.appendOnes(x);
                assertThat(withOnes.dataType()).isEqualTo(type);
                assertThat(withOnes.ordering()).isEqualTo('c');
                assertThat(withOnes).as(type + " " + shape[0] + "x" + shape[1]).isEqualTo(expected(x));
            }
        }
    }

    @Test
    void viewsAndFortranOrderGiveTheSameMatrix() {
        Nd4j.getRandom().setSeed(4);
        INDArray big = Nd4j.rand(DataType.FLOAT, 10, 6);
        INDArray rows = big.get(NDArrayIndex.interval(2, 7), NDArrayIndex.all());
        INDArray columns = big.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 4));
        INDArray fortran = big.dup('f');
        for (INDArray x : new INDArray[] {rows, columns, fortran, big.transpose()}) {
            assertThat(Rows.appendOnes(x)).isEqualTo(expected(x));
        }
    }

    @Test
    void leavesItsInputAsItWas() {
        INDArray x = Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}});
        Rows.appendOnes(x);
        assertThat(x).isEqualTo(Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}}));
    }

    @Test
    void refusesAnythingButAMatrix() {
        assertThatThrownBy(() -> Rows.appendOnes(Nd4j.zeros(DataType.FLOAT, 2, 3, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rank 3");
    }

    @Test
    void putsTwoMatricesSideBySideInEveryLayout() {
        Nd4j.getRandom().setSeed(5);
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray left = Nd4j.rand(type, 6, 3);
            INDArray right = Nd4j.rand(type, 6, 2);
            INDArray expected = Nd4j.hstack(left, right);
            assertThat(Rows.sideBySide(left, right)).as(type.toString()).isEqualTo(expected);
            assertThat(Rows.sideBySide(left.dup('f'), right)).isEqualTo(expected);
            INDArray big = Nd4j.rand(type, 8, 2);
            INDArray view = big.get(NDArrayIndex.interval(1, 7), NDArrayIndex.all());
            assertThat(Rows.sideBySide(left, view)).isEqualTo(Nd4j.hstack(left, view.dup()));
        }
        INDArray one = Nd4j.createFromArray(new float[][] {{1}});
        assertThat(Rows.sideBySide(one, one)).isEqualTo(Nd4j.createFromArray(new float[][] {{1, 1}}));
    }

    @Test
    void refusesMatricesWithDifferentRows() {
        assertThatThrownBy(() -> Rows.sideBySide(Nd4j.zeros(DataType.FLOAT, 2, 3), Nd4j.zeros(DataType.FLOAT, 3, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2, 3]").hasMessageContaining("[3, 3]");
    }

    @Test
    void appendsOnesIntoAGivenArrayAndRefusesOneThatDoesNotFit() {
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}});
        INDArray out = Nd4j.createUninitialized(DataType.DOUBLE, new long[] {2, 3}, 'c');
        Rows.appendOnes(x, out);
        assertThat(out).isEqualTo(Nd4j.createFromArray(new double[][] {{1, 2, 1}, {3, 4, 1}}));
        assertThat(Rows.canAppendOnesInto(x)).isTrue();
        assertThat(Rows.canAppendOnesInto(x.dup('f'))).isFalse();
        assertThatThrownBy(() -> Rows.appendOnes(x, Nd4j.zeros(DataType.FLOAT, 2, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2, 3] FLOAT");
        assertThatThrownBy(() -> Rows.appendOnes(x, Nd4j.zeros(DataType.DOUBLE, 2, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot append ones");
    }
}
