package io.acktr.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class GemmTest {
    /** One logical matrix in c order, f order and as a view, in the given type. */
    private static List<INDArray> layouts(INDArray logical, DataType type) {
        INDArray padded = Nd4j.zeros(DataType.DOUBLE, logical.rows() + 1, logical.columns() + 2);
        INDArray view = padded.castTo(type).get(NDArrayIndex.interval(1, logical.rows() + 1),
                NDArrayIndex.interval(2, logical.columns() + 2));
        view.assign(logical.castTo(type));
        List<INDArray> out = new ArrayList<>();
        out.add(logical.castTo(type).dup('c'));
        out.add(logical.castTo(type).dup('f'));
        out.add(view);
        return out;
    }

    private static double maxDifference(INDArray x, INDArray y) {
        return x.castTo(DataType.DOUBLE).sub(y.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }

    @Test
    void theCpuBackendsBlasIsCalledDirectly() {
        assertThat(Gemm.usesDirectBlas()).isTrue();
    }

    @Test
    void productEqualsNd4jForEveryLayoutTransposeAndType() {
        Nd4j.getRandom().setSeed(7);
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            double tolerance = type == DataType.DOUBLE ? 1e-12 : 1e-4;
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    INDArray a = Nd4j.randn(DataType.DOUBLE, ta ? 7 : 3, ta ? 3 : 7);
                    INDArray b = Nd4j.randn(DataType.DOUBLE, tb ? 5 : 7, tb ? 7 : 5);
                    INDArray expected = (ta ? a.transpose() : a).mmul(tb ? b.transpose() : b);
                    for (INDArray x : layouts(a, type)) {
                        for (INDArray y : layouts(b, type)) {
                            INDArray product = Gemm.product(x, y, ta, tb);
                            assertThat(product.shape()).containsExactly(3, 5);
                            assertThat(maxDifference(product, expected)).as("%s%s x %s%s %s", x.ordering(), ta, y.ordering(),
                                    tb, type).isLessThan(tolerance);
                        }
                    }
                }
            }
        }
    }

    @Test
    void accumulateScalesTheTargetAndAddsTheScaledProductInEveryTargetLayout() {
        Nd4j.getRandom().setSeed(8);
        INDArray a = Nd4j.randn(DataType.DOUBLE, 6, 4);
        INDArray c0 = Nd4j.randn(DataType.DOUBLE, 4, 4);
        INDArray expected = c0.mul(0.9).add(a.transpose().mmul(a).mul(0.25));
        for (INDArray c : layouts(c0, DataType.DOUBLE)) {
            for (INDArray x : layouts(a, DataType.DOUBLE)) {
                INDArray target = c.isView() ? c : c.dup(c.ordering());
                if (c.isView()) {
                    target.assign(c0);
                }
                Gemm.accumulate(x, x, target, true, false, 0.25, 0.9);
                assertThat(maxDifference(target, expected)).as("target %s, operand %s", c.ordering(), x.ordering())
                        .isLessThan(1e-12);
            }
        }
    }

    @Test
    void gramLowerMatchesTheFullProductOnTheLowerTriangleForEveryLayout() {
        Nd4j.getRandom().setSeed(9);
        INDArray rows = Nd4j.randn(DataType.DOUBLE, 9, 4);
        INDArray start = Nd4j.randn(DataType.DOUBLE, 4, 4);
        INDArray expected = start.mul(0.5).add(rows.transpose().mmul(rows).mul(2.0));
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            for (INDArray r : layouts(rows, type)) {
                INDArray target = start.castTo(type).dup('c');
                Gemm.gramLower(r, target, 2.0, 0.5);
                INDArray symmetric = Gemm.symmetricFromLower(target);
                for (int i = 0; i < 4; i++) {
                    for (int j = 0; j <= i; j++) {
                        assertThat(symmetric.getDouble(i, j)).isCloseTo(expected.getDouble(i, j), org.assertj.core.api.Assertions.within(1e-4));
                        assertThat(symmetric.getDouble(j, i)).isEqualTo(symmetric.getDouble(i, j));
                    }
                }
            }
        }
    }

    @Test
    void anArrayWithOverlappingStridesOverItsBufferIsMultipliedAsTheMatrixItShows() {
        INDArray buffer = Nd4j.arange(6).castTo(DataType.FLOAT).reshape(1, 6);
        // rows [0 1 2], [1 2 3], [2 3 4], [3 4 5]: sliding windows over one buffer of six
        INDArray windows = Nd4j.create(buffer.data(), new long[] {4, 3}, new long[] {1, 1}, 0, 'c', DataType.FLOAT);
        INDArray ones = Nd4j.ones(DataType.FLOAT, 3, 1);
        assertThat(Gemm.product(windows, ones, false, false).toFloatVector()).containsExactly(3f, 6f, 9f, 12f);
    }

    @Test
    void aZeroBetaIgnoresWhateverTheTargetHeld() {
        INDArray a = Nd4j.create(new float[] {1, 2, 3, 4}, new long[] {2, 2}, 'c');
        INDArray target = Nd4j.valueArrayOf(new long[] {2, 2}, Float.NaN, DataType.FLOAT);
        Gemm.accumulate(a, a, target, false, false, 1.0, 0.0);
        assertThat(target.toFloatMatrix()).isEqualTo(new float[][] {{7, 10}, {15, 22}});
        INDArray padded = Nd4j.valueArrayOf(new long[] {2, 3}, Float.NaN, DataType.FLOAT);
        INDArray view = padded.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 3));
        Gemm.accumulate(a, a, view, false, false, 1.0, 0.0);
        assertThat(view.toFloatMatrix()).isEqualTo(new float[][] {{7, 10}, {15, 22}});
    }

    @Test
    void mismatchedShapesAreRefusedWithBothShapes() {
        assertThatThrownBy(() -> Gemm.accumulate(Nd4j.ones(2, 3), Nd4j.ones(2, 3), Nd4j.ones(2, 2), false, false, 1, 0))
                .isInstanceOf(RuntimeException.class).hasMessageContaining("[2, 3]");
    }

    @Test
    void productOfLeftColumnsIsThoseColumnsOfTheWholeProductBitForBit() {
        Nd4j.getRandom().setSeed(17);
        long[][] shapes = {{80, 64, 65, 64}, {320, 64, 65, 64}, {3, 2, 4, 3}, {5, 1, 2, 1}, {7, 3, 3, 3}};
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (long[] s : shapes) {
                INDArray a = Nd4j.randn(type, s[0], s[1]);
                INDArray b = Nd4j.randn(type, s[1], s[2]);
                INDArray whole = Gemm.product(a, b, false, false);
                INDArray left = Gemm.productOfLeftColumns(a, b, s[3]);
                assertThat(left.shape()).containsExactly(s[0], s[3]);
                assertThat(left.ordering()).isEqualTo('c');
                assertThat(Vectors.ownsItsBuffer(left)).isTrue();
                double[] expected = whole.get(NDArrayIndex.all(), NDArrayIndex.interval(0, s[3])).dup('c').data().asDouble();
                assertThat(left.data().asDouble()).as("%s %s", type, java.util.Arrays.toString(s)).containsExactly(expected);
                // a view operand goes through the whole product
                INDArray view = layouts(a, type).get(2);
                assertThat(Gemm.productOfLeftColumns(view, b, s[3]).data().asDouble()).containsExactly(expected);
            }
        }
        assertThatThrownBy(() -> Gemm.productOfLeftColumns(Nd4j.ones(2, 2), Nd4j.ones(2, 3), 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 columns of [2, 3]");
    }

    @Test
    void scaleAndAddSymmetricFromLowerRoundsAsScaleThenAxpyOfTheSymmetricCopy() {
        Nd4j.getRandom().setSeed(19);
        for (DataType lowerType : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (int n : new int[] {1, 2, 5, 65}) {
                INDArray lower = Nd4j.randn(lowerType, n, n).muli(1e3); // its upper triangle is noise, never read
                INDArray start = Nd4j.randn(DataType.DOUBLE, n, n);
                for (double scale : new double[] {0.9 * 0.9 * 0.9, 0.0}) {
                INDArray expected = start.dup('c');
                Vectors.scale(scale, expected);
                Vectors.axpy(1.0, Gemm.symmetricFromLower(lower), expected);
                INDArray target = start.dup('c');
                Gemm.scaleAndAddSymmetricFromLower(scale, target, lower);
                assertThat(target.data().asDouble()).as("%s %d", lowerType, n).containsExactly(expected.data().asDouble());
                INDArray fortran = start.dup('f');
                Gemm.scaleAndAddSymmetricFromLower(scale, fortran, lower);
                assertThat(fortran.dup('c').data().asDouble()).containsExactly(expected.data().asDouble());
                }
            }
        }
        assertThatThrownBy(() -> Gemm.scaleAndAddSymmetricFromLower(1, Nd4j.zeros(DataType.DOUBLE, 2, 2),
                Nd4j.zeros(DataType.DOUBLE, 3, 3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[3, 3]");
    }
}
