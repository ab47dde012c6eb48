package io.acktr.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class VectorsTest {
    /** Arrays of one logical 5 x 7 matrix in the layouts an update meets: c, f, views, float and double. */
    private static List<INDArray> layouts(long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray base = Nd4j.randn(DataType.DOUBLE, 5, 7);
        INDArray wide = Nd4j.randn(DataType.DOUBLE, 5, 9);
        wide.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 8)).assign(base);
        INDArray tall = Nd4j.randn(DataType.DOUBLE, 8, 7);
        tall.get(NDArrayIndex.interval(2, 7), NDArrayIndex.all()).assign(base);
        List<INDArray> arrays = new ArrayList<>();
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            arrays.add(base.dup('c').castTo(type));
            arrays.add(base.dup('f').castTo(type));
            arrays.add(base.transpose().dup('c').castTo(type).transpose());
            arrays.add(wide.castTo(type).get(NDArrayIndex.all(), NDArrayIndex.interval(1, 8)));
            arrays.add(tall.castTo(type).get(NDArrayIndex.interval(2, 7), NDArrayIndex.all()));
        }
        return arrays;
    }

    private static double elementwiseDot(INDArray x, INDArray y) {
        double sum = 0;
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < x.columns(); j++) {
                sum += x.getDouble(i, j) * y.getDouble(i, j);
            }
        }
        return sum;
    }

    @Test
    void dotMatchesTheElementwiseSumForEveryLayoutPair() {
        for (INDArray x : layouts(1)) {
            for (INDArray y : layouts(2)) {
                double expected = elementwiseDot(x, y);
                assertThat(Vectors.dot(x, y)).as("%s / %s", x.ordering(), y.ordering())
                        .isCloseTo(expected, within(1e-4 * Math.max(1, Math.abs(expected))));
            }
        }
    }

    @Test
    void axpyAddsElementwiseForEveryLayoutPair() {
        for (INDArray x : layouts(3)) {
            for (INDArray y : layouts(4)) {
                INDArray expected = y.castTo(DataType.DOUBLE).add(x.castTo(DataType.DOUBLE).mul(-0.5));
                Vectors.axpy(-0.5, x, y);
                assertThat(y.castTo(DataType.DOUBLE).sub(expected).amaxNumber().doubleValue()).isLessThan(1e-5);
            }
        }
    }

    @Test
    void scaleLeavesTheRestOfAViewsBufferAlone() {
        INDArray wide = Nd4j.ones(DataType.DOUBLE, 3, 4);
        Vectors.scale(3, wide.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 3)));
        assertThat(wide.toDoubleMatrix()).isEqualTo(new double[][] {{1, 3, 3, 1}, {1, 3, 3, 1}, {1, 3, 3, 1}});
        INDArray owned = Nd4j.ones(DataType.FLOAT, 2, 2);
        Vectors.scale(-2, owned);
        assertThat(owned.sumNumber().doubleValue()).isEqualTo(-8.0);
    }

    @Test
    void aReshapeOfAWholeBufferIsReadAsThatBuffer() {
        INDArray rows = Nd4j.arange(12).castTo(DataType.DOUBLE).reshape('c', 6, 2);
        INDArray reshaped = rows.reshape('c', 3, 4);
        assertThat(Vectors.ownsItsBuffer(reshaped)).isTrue();
        assertThat(Vectors.ownsItsBuffer(rows.get(NDArrayIndex.interval(0, 3), NDArrayIndex.all()))).isFalse();

        Vectors.scale(2, reshaped);
        assertThat(rows.getDouble(5, 1)).isEqualTo(22.0);
    }

    @Test
    void isFiniteFindsOneNanOrInfinityAnywhere() {
        for (INDArray x : layouts(5)) {
            assertThat(Vectors.isFinite(x)).isTrue();
            for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                INDArray copy = x.dup(x.ordering());
                copy.putScalar(4, 6, bad);
                assertThat(Vectors.isFinite(copy)).as("%s in %s", bad, x.ordering()).isFalse();
                INDArray view = x.dup();
                view.putScalar(0, 3, bad);
                assertThat(Vectors.isFinite(view)).isFalse();
            }
        }
    }

    @Test
    void arraysOfDifferentSizesAreRefusedWithTheirShapes() {
        assertThatThrownBy(() -> Vectors.dot(Nd4j.ones(2, 3), Nd4j.ones(3, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2, 3]").hasMessageContaining("[3, 3]");
    }

    @Test
    void readCopiesElementsInRowMajorOrderFromEveryLayout() {
        INDArray rows = Nd4j.arange(12).castTo(DataType.FLOAT).reshape('c', 3, 4);
        INDArray[] layouts = {rows, rows.dup('f'), rows.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all()),
            rows.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 3)), rows.castTo(DataType.DOUBLE),
            Nd4j.create(new float[] {3, 1, 4, 1, 5}, new long[] {5, 1}, 'f'), Nd4j.create(new double[] {2, 7, 1}, new long[] {3, 1}, 'f')};
        for (INDArray x : layouts) {
            float[] floats = new float[(int) x.length() + 3];
            double[] doubles = new double[(int) x.length() + 3];
            Vectors.read(x, floats, 2);
            Vectors.read(x, doubles, 2);
            float[] expected = x.dup('c').castTo(DataType.FLOAT).data().asFloat();
            for (int i = 0; i < expected.length; i++) {
                assertThat(floats[i + 2]).as("%s element %d", x.ordering(), i).isEqualTo(expected[i]);
                assertThat(doubles[i + 2]).isEqualTo(expected[i]);
            }
            assertThat(floats[0]).isZero();
            assertThat(floats[floats.length - 1]).isZero();
        }
    }

    @Test
    void toDoublesGivesEveryElementOfEveryLayoutExactlyAndReadRoundsDoublesToFloatAsACast() {
        Nd4j.getRandom().setSeed(7);
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray rows = Nd4j.randn(type, 5, 7).muli(1e3);
            INDArray[] layouts = {rows, rows.dup('f'), rows.get(NDArrayIndex.interval(1, 4), NDArrayIndex.all()),
                rows.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 6)), rows.transpose()};
            for (INDArray x : layouts) {
                double[] values = Vectors.toDoubles(x);
                assertThat(values).hasSize((int) x.length());
                for (int i = 0; i < x.rows(); i++) {
                    for (int j = 0; j < x.columns(); j++) {
                        assertThat(values[(int) (i * x.columns() + j)]).as("%s %s (%d, %d)", type, x.ordering(), i, j)
                                .isEqualTo(x.getDouble(i, j));
                    }
                }
                float[] floats = new float[(int) x.length()];
                Vectors.read(x, floats, 0);
                assertThat(floats).as("%s %s in float", type, x.ordering())
                        .containsExactly(x.castTo(DataType.FLOAT).dup('c').data().asFloat());
            }
        }
    }

    @Test
    void writeSetsElementsInRowMajorOrderInEveryLayout() {
        float[] floats = {9, 9, 1, 2, 3, 4, 5, 6, 9};
        double[] doubles = {9, 9, 1, 2, 3, 4, 5, 6, 9};
        INDArray expected = Nd4j.createFromArray(new float[][] {{1, 2, 3}, {4, 5, 6}});
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray owned = Nd4j.zeros(type, 2, 3);
            INDArray fortran = Nd4j.zeros(type, 2, 3).dup('f');
            INDArray big = Nd4j.zeros(type, 4, 3);
            INDArray view = big.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all());
            for (INDArray x : new INDArray[] {owned, fortran, view}) {
                Vectors.write(floats, 2, x);
                assertThat(x.castTo(DataType.FLOAT)).as("floats into %s %s", type, x.ordering()).isEqualTo(expected);
                x.assign(0);
                Vectors.write(doubles, 2, x);
                assertThat(x.castTo(DataType.FLOAT)).as("doubles into %s %s", type, x.ordering()).isEqualTo(expected);
            }
            assertThat(big.getRow(0).sumNumber().doubleValue()).isZero();
            assertThat(big.getRow(3).sumNumber().doubleValue()).isZero();
        }
    }

    @Test
    void readAndWriteRefuseAnArrayWithoutRoom() {
        INDArray x = Nd4j.zeros(DataType.FLOAT, 2, 3);
        assertThatThrownBy(() -> Vectors.read(x, new float[7], 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7 elements").hasMessageContaining("6 from offset 2");
        assertThatThrownBy(() -> Vectors.write(new double[5], 0, x)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5 elements");
    }

    @Test
    void scaledWritesIntoAFittingArrayTheBitsOfNd4jsScalarProduct() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray x = Nd4j.rand(type, 7, 9).subi(0.5).muli(1e3);
            INDArray into = Nd4j.zeros(type, 7, 9);
            for (int trial = 0; trial < 200; trial++) {
                double alpha = (random.nextBoolean() ? 1 : -1) * Math.exp(random.nextDouble(-30, 30));
                INDArray written = Vectors.scaled(alpha, x, into);
                assertThat(written).isSameAs(into);
                INDArray expected = x.mul(alpha);
                for (int i = 0; i < 63; i++) {
                    assertThat(Double.doubleToRawLongBits(into.getDouble(i)))
                            .as("%s alpha %s element %d", type, alpha, i)
                            .isEqualTo(Double.doubleToRawLongBits(expected.getDouble(i)));
                }
            }
        }
    }

    @Test
    void scaledMakesANewArrayWhenTheTargetDoesNotFit() {
        INDArray x = Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}});
        INDArray fortran = Nd4j.zeros(DataType.FLOAT, 2, 2).dup('f');
        INDArray doubles = Nd4j.zeros(DataType.DOUBLE, 2, 2);
        for (INDArray into : new INDArray[] {null, fortran, doubles, Nd4j.zeros(DataType.FLOAT, 4)}) {
            INDArray written = Vectors.scaled(-2, x, into);
            assertThat(written).isNotSameAs(into).isNotSameAs(x);
            assertThat(written).isEqualTo(Nd4j.createFromArray(new float[][] {{-2, -4}, {-6, -8}}));
        }
        assertThat(fortran.sumNumber().doubleValue()).isZero();
        assertThat(x).isEqualTo(Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}}));
    }

    @Test
    void subtractScaledRoundsAsNd4jsSubtractionOfTheScaledArray() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(6);
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (int trial = 0; trial < 200; trial++) {
                INDArray x = Nd4j.rand(type, 9, 3).subi(0.5).muli(Math.exp(random.nextDouble(-10, 10)));
                INDArray y = Nd4j.rand(type, 9, 3).subi(0.5).muli(Math.exp(random.nextDouble(-10, 10)));
                double alpha = (random.nextBoolean() ? 1 : -1) * Math.exp(random.nextDouble(-20, 20));
                INDArray expected = y.dup().subi(x.mul(alpha));
                INDArray before = x.dup();
                Vectors.subtractScaled(y, alpha, x);
                for (int i = 0; i < 27; i++) {
                    assertThat(Double.doubleToRawLongBits(y.getDouble(i))).as("%s alpha %s element %d", type, alpha, i)
                            .isEqualTo(Double.doubleToRawLongBits(expected.getDouble(i)));
                }
                assertThat(x).isEqualTo(before);
            }
        }
        INDArray fortran = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}}).dup('f');
        Vectors.subtractScaled(fortran, 2, Nd4j.createFromArray(new double[][] {{1, 1}, {1, 2}}));
        assertThat(fortran).isEqualTo(Nd4j.createFromArray(new double[][] {{-1, 0}, {1, 0}}));
    }
}
