package io.acktr.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The broadcast-free row and column operations against ND4J's broadcasts, bit for bit. */
class ElementwiseBroadcastTest {
    private static final long SEED = 41;

    /** A 5 x 3 matrix in each layout the callers pass: c order, f order, and a strided view (columns 1-3 of 5 x 4). */
    private static List<INDArray> matrices(DataType type) {
        Nd4j.getRandom().setSeed(SEED);
        INDArray wide = Nd4j.randn(type, 5, 4);
        return List.of(Nd4j.randn(type, 5, 3), Nd4j.randn(type, 5, 3).dup('f'),
                wide.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 4)));
    }

    @Test
    void scaleColumnsMultipliesEachColumnByItsFactorAsMulRowVectorDoes() {
        for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            INDArray factors = Nd4j.randn(type, 1, 3);
            for (INDArray m : matrices(type)) {
                INDArray expected = m.mulRowVector(factors);
                INDArray before = m.dup();
                INDArray copy = Elementwise.scaleColumns(m, factors, false);
                assertArrayEquals(expected.toDoubleMatrix(), copy.toDoubleMatrix(), type + " " + m.ordering());
                assertArrayEquals(before.toDoubleMatrix(), m.toDoubleMatrix(), "not in place: the matrix is unchanged");
                assertSame(m, Elementwise.scaleColumns(m, factors, true));
                assertArrayEquals(expected.toDoubleMatrix(), m.toDoubleMatrix(), "in place");
            }
        }
    }

    @Test
    void scaleRowsMultipliesEachRowByItsFactorAsMulColumnVectorDoes() {
        for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            INDArray factors = Nd4j.randn(type, 5, 1);
            for (INDArray m : matrices(type)) {
                INDArray expected = m.mulColumnVector(factors);
                assertArrayEquals(expected.toDoubleMatrix(), Elementwise.scaleRows(m, factors, false).toDoubleMatrix());
                // a flat vector of the right length is accepted too
                assertArrayEquals(expected.toDoubleMatrix(),
                        Elementwise.scaleRows(m, factors.reshape(5), true).toDoubleMatrix());
                assertArrayEquals(expected.toDoubleMatrix(), m.toDoubleMatrix());
            }
        }
    }

    @Test
    void addToEveryRowAddsTheTermsAsAddRowVectorDoes() {
        for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            INDArray terms = Nd4j.randn(type, 1, 3);
            for (INDArray m : matrices(type)) {
                INDArray expected = m.addRowVector(terms);
                assertArrayEquals(expected.toDoubleMatrix(), Elementwise.addToEveryRow(m, terms, true).toDoubleMatrix());
            }
        }
    }

    @Test
    void aVectorOfTheWrongLengthIsRefusedWithBothShapes() {
        INDArray m = Nd4j.zeros(DataType.FLOAT, 5, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Elementwise.scaleColumns(m, Nd4j.ones(DataType.FLOAT, 1, 5), false));
        assertTrue(e.getMessage().contains("3 elements") && e.getMessage().contains("5 x 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Elementwise.scaleRows(m, Nd4j.ones(DataType.FLOAT, 2, 5), false));
    }

    @Test
    void anEmptyMatrixStaysEmpty() {
        INDArray m = Nd4j.create(DataType.DOUBLE, 0, 3);
        assertEquals(0, Elementwise.scaleColumns(m, Nd4j.ones(DataType.DOUBLE, 1, 3), false).length());
    }
}
