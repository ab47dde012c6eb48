package io.acktr.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class ElementwiseTest {
    private static final DataType[] TYPES = {DataType.FLOAT, DataType.DOUBLE};
    private static final int[][] SHAPES = {{1, 1}, {1, 5}, {7, 1}, {160, 64}, {3, 4}};

    /** The elements in row-major order, exactly (INDArray's equals allows a tolerance). */
    private static double[] exactly(INDArray x) {
        return x.dup('c').data().asDouble();
    }

    private static INDArray random(DataType type, int rows, int columns, char order) {
        return Nd4j.rand(type, rows, columns).subi(0.5).muli(3.0).dup(order);
    }

    @Test
    void multiplyGivesNd4jsProductBitForBitInEveryPairOfOrderings() {
        Nd4j.getRandom().setSeed(5);
        for (DataType type : TYPES) {
            for (int[] shape : SHAPES) {
                for (char orderA : new char[] {'c', 'f'}) {
                    for (char orderB : new char[] {'c', 'f'}) {
                        INDArray a = random(type, shape[0], shape[1], orderA);
                        INDArray b = random(type, shape[0], shape[1], orderB);
                        INDArray expected = a.mul(b);
                        String what = type + " " + shape[0] + "x" + shape[1] + " " + orderA + orderB;
                        INDArray product = Elementwise.multiply(a, b, false);
                        assertThat(product.ordering()).as(what).isEqualTo(expected.ordering());
                        assertThat(exactly(product)).as(what).containsExactly(exactly(expected));
                        assertThat(product).as("a new array: " + what).isNotSameAs(a);
                        INDArray inPlace = Elementwise.multiply(a, b, true);
                        assertThat(inPlace).as(what).isSameAs(a);
                        assertThat(exactly(inPlace)).as(what).containsExactly(exactly(expected));
                    }
                }
            }
        }
    }

    @Test
    void oneMinusSquareGivesNd4jsDerivativeOfTanhBitForBit() {
        Nd4j.getRandom().setSeed(6);
        for (DataType type : TYPES) {
            for (int[] shape : SHAPES) {
                INDArray y = Nd4j.rand(type, shape[0], shape[1]).muli(2.0).subi(1.0);
                INDArray expected = y.dup().muli(y).rsubi(1.0);
                INDArray target = Nd4j.createUninitialized(type, new long[] {shape[0], shape[1]}, 'c');
                assertThat(Elementwise.oneMinusSquare(y, target)).isSameAs(target);
                assertThat(exactly(target)).as(type + " " + shape[0] + "x" + shape[1]).containsExactly(exactly(expected));
            }
        }
    }

    @Test
    void multiplyReadsAndWritesStridedViewsAsNd4jDoes() {
        Nd4j.getRandom().setSeed(8);
        for (DataType type : TYPES) {
            for (char order : new char[] {'c', 'f'}) {
                // a gradient with its bias column dropped: rows of 64 in a buffer of rows of 65
                INDArray withBias = random(type, 160, 65, order);
                INDArray view = withBias.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 64));
                INDArray inner = random(type, 9, 7, order).get(NDArrayIndex.interval(2, 8), NDArrayIndex.interval(1, 5));
                INDArray other = random(type, 160, 64, 'c');
                String what = type + " " + order;
                assertThat(exactly(Elementwise.multiply(view, other, false))).as(what).containsExactly(exactly(view.mul(other)));
                assertThat(exactly(Elementwise.multiply(other, view, false))).as(what).containsExactly(exactly(other.mul(view)));
                INDArray small = random(type, 6, 4, 'f');
                assertThat(exactly(Elementwise.multiply(inner, small, false))).as(what).containsExactly(exactly(inner.mul(small)));
                INDArray expected = view.mul(other);
                INDArray untouchedBias = withBias.getColumn(64).dup();
                assertThat(Elementwise.multiply(view, other, true)).isSameAs(view);
                assertThat(exactly(view)).as(what).containsExactly(exactly(expected));
                assertThat(exactly(withBias.getColumn(64))).as("the column outside the view").containsExactly(exactly(untouchedBias));
            }
        }
    }

    @Test
    void viewsAndMixedTypesGoThroughNd4jWithTheSameResult() {
        Nd4j.getRandom().setSeed(7);
        INDArray wide = random(DataType.FLOAT, 6, 8, 'c');
        INDArray view = wide.get(NDArrayIndex.interval(1, 5), NDArrayIndex.interval(2, 6));
        INDArray doubles = random(DataType.DOUBLE, 4, 4, 'c');
        assertThat(exactly(Elementwise.multiply(view, doubles, false))).containsExactly(exactly(view.mul(doubles)));
        INDArray target = Nd4j.createUninitialized(DataType.FLOAT, new long[] {4, 4}, 'f');
        assertThat(exactly(Elementwise.oneMinusSquare(view, target))).containsExactly(exactly(view.mul(view).rsubi(1.0)));
    }

    @Test
    void refusesArraysOfDifferentShapes() {
        INDArray a = Nd4j.zeros(DataType.FLOAT, 2, 3);
        INDArray b = Nd4j.zeros(DataType.FLOAT, 3, 2);
        assertThatThrownBy(() -> Elementwise.multiply(a, b, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[2, 3]").hasMessageContaining("[3, 2]");
    }

    @Test
    void tanhOfAFloatMatrixIsWithinOneUlpOfTanhAndAsCloseToNd4jsAsItsRounding() {
        Nd4j.getRandom().setSeed(9);
        INDArray x = Nd4j.rand(DataType.FLOAT, 160, 64).subi(0.5).muli(12.0);
        x.putScalar(0, 0, 0f);
        x.putScalar(0, 1, 30f);
        x.putScalar(0, 2, -1e-30f);
        float[] before = x.data().asFloat();
        INDArray nd4j = org.nd4j.linalg.ops.transforms.Transforms.tanh(x, true);
        assertThat(Elementwise.tanhInPlace(x)).isSameAs(x);
        float[] ours = x.data().asFloat();
        float[] theirs = nd4j.data().asFloat();
        int differing = 0;
        for (int i = 0; i < before.length; i++) {
            float exact = (float) Math.tanh(before[i]);
            assertThat(Math.abs(ours[i] - exact)).as("at %s", before[i]).isLessThanOrEqualTo(Math.ulp(exact));
            // libnd4j's (1 - p) / (1 + p) with p = e^(-2|x|) cancels near 0: its error there is absolute, about ulp(1)
            float tolerance = Math.max(2 * Math.ulp(exact), Math.ulp(1f));
            assertThat(Math.abs(ours[i] - theirs[i])).as("at %s", before[i]).isLessThanOrEqualTo(tolerance);
            differing += ours[i] != exact ? 1 : 0;
        }
        assertThat(ours[0]).isEqualTo(0f);
        assertThat(ours[1]).isEqualTo(1f);
        assertThat(ours[2]).isEqualTo(-1e-30f);
        assertThat(differing).as("correctly rounded but for a few ties").isLessThan(before.length / 100);
    }

    @Test
    void tanhOfADoubleMatrixOrAViewIsNd4jsBitForBit() {
        Nd4j.getRandom().setSeed(10);
        INDArray doubles = random(DataType.DOUBLE, 40, 8, 'c');
        INDArray expected = org.nd4j.linalg.ops.transforms.Transforms.tanh(doubles, true);
        assertThat(exactly(Elementwise.tanhInPlace(doubles))).containsExactly(exactly(expected));
        INDArray withBias = random(DataType.FLOAT, 20, 9, 'c');
        INDArray view = withBias.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 8));
        INDArray expectedView = org.nd4j.linalg.ops.transforms.Transforms.tanh(view, true);
        INDArray bias = withBias.getColumn(8).dup();
        Elementwise.tanhInPlace(view);
        assertThat(exactly(view)).containsExactly(exactly(expectedView));
        assertThat(exactly(withBias.getColumn(8))).containsExactly(exactly(bias));
    }
}
