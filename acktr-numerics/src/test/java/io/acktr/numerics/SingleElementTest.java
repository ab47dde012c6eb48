package io.acktr.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Java paths for {@code 1 x 1} arrays give the bits ND4J's own array operations give (what
 * these helpers did before, and still do for any other array that is not its whole buffer).
 */
class SingleElementTest {
    private static final DataType[] TYPES = {DataType.FLOAT, DataType.DOUBLE};

    private static INDArray one(double value, DataType type) {
        return Nd4j.create(new double[] {value}, new long[] {1, 1}, 'c').castTo(type);
    }

    /** Values over many magnitudes and both signs, so that every rounding step matters somewhere. */
    private static double draw(SplittableRandom random) {
        return (random.nextBoolean() ? 1 : -1) * Math.exp(random.nextDouble(-20, 20)) * (1 + random.nextDouble());
    }

    private static long bits(INDArray x) {
        return Double.doubleToRawLongBits(x.getDouble(0));
    }

    @Test
    void aOneByOneArrayIsASingleElementButNotItsWholeBufferToNd4j() {
        INDArray x = Nd4j.create(DataType.FLOAT, 1, 1);
        assertThat(SingleElement.is(x)).isTrue();
        assertThat(Vectors.ownsItsBuffer(x)).isFalse(); // ND4J's stride check: the reason for these paths
        assertThat(SingleElement.is(Nd4j.create(DataType.FLOAT, 1, 2))).isFalse();
        assertThat(SingleElement.is(Nd4j.create(DataType.FLOAT, 2, 2).get(
                org.nd4j.linalg.indexing.NDArrayIndex.point(1), org.nd4j.linalg.indexing.NDArrayIndex.point(1))))
                .isFalse();
    }

    @Test
    void axpyScaleAndDotOfSingleElementsMatchNd4jBitForBit() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 2_000; trial++) {
            double alpha = draw(random);
            for (DataType tx : TYPES) {
                for (DataType ty : TYPES) {
                    double xv = draw(random);
                    double yv = draw(random);
                    INDArray x = one(xv, tx);
                    INDArray y = one(yv, ty);
                    INDArray expected = y.dup().addi(x.castTo(ty).mul(alpha));
                    Vectors.axpy(alpha, x, y);
                    assertThat(bits(y)).as("axpy %s %s %s %s %s", alpha, xv, tx, yv, ty).isEqualTo(bits(expected));

                    INDArray scaled = one(xv, tx);
                    INDArray expectedScaled = scaled.mul(alpha);
                    Vectors.scale(alpha, scaled);
                    assertThat(bits(scaled)).as("scale %s %s %s", alpha, xv, tx).isEqualTo(bits(expectedScaled));

                    INDArray a = one(xv, tx);
                    INDArray b = one(yv, ty);
                    double expectedDot = a.castTo(DataType.DOUBLE).mul(b.castTo(DataType.DOUBLE)).sumNumber().doubleValue();
                    assertThat(Double.doubleToRawLongBits(Vectors.dot(a, b))).isEqualTo(Double.doubleToRawLongBits(expectedDot));
                }
            }
        }
    }

    @Test
    void isFiniteSeesANonFiniteSingleElement() {
        for (DataType type : TYPES) {
            assertThat(Vectors.isFinite(one(3, type))).isTrue();
            assertThat(Vectors.isFinite(one(Double.NaN, type))).isFalse();
            assertThat(Vectors.isFinite(one(Double.NEGATIVE_INFINITY, type))).isFalse();
        }
    }

    @Test
    void accumulatingIntoAOneByOneTargetMatchesNd4jBitForBit() {
        SplittableRandom random = new SplittableRandom(12);
        for (int trial = 0; trial < 500; trial++) {
            double alpha = draw(random);
            double beta = trial % 5 == 0 ? 0 : draw(random);
            for (DataType rowsType : TYPES) {
                for (DataType targetType : TYPES) {
                    double[] values = new double[7];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = draw(random);
                    }
                    INDArray rows = Nd4j.create(values, new long[] {7, 1}, 'c').castTo(rowsType);
                    double before = draw(random);
                    INDArray target = one(before, targetType);
                    // what Gemm did for a target that is not its whole buffer
                    INDArray product = Gemm.product(rows, rows, true, false).castTo(targetType).muli(alpha);
                    INDArray expected = beta == 0 ? product : one(before, targetType).muli(beta).addi(product);
                    Gemm.gramLower(rows, target, alpha, beta);
                    assertThat(bits(target)).as("%s %s alpha %s beta %s", rowsType, targetType, alpha, beta)
                            .isEqualTo(bits(expected));
                }
            }
        }
    }

    @Test
    void aProductWithOneByOneOperandsIsThatOfTheirCopies() {
        INDArray a = one(3, DataType.DOUBLE);
        INDArray b = Nd4j.create(new double[] {1, 2, 3}, new long[] {1, 3}, 'c');
        assertThat(Gemm.product(a, b, false, false).toDoubleVector()).containsExactly(3, 6, 9);
        assertThat(Gemm.product(b, a, true, false).toDoubleVector()).containsExactly(3, 6, 9);
        INDArray target = Nd4j.create(DataType.DOUBLE, 1, 1);
        Gemm.accumulate(b, b, target, false, true, 1.0, 0.0);
        assertThat(target.getDouble(0)).isEqualTo(14);
    }
}
