package io.acktr.curvature.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SymmetricEigenTest {
    @Test
    void reconstructsTheMatrixFromVectorsAndValues() {
        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 9, 5);
        INDArray s = x.transpose().mmul(x);
        SymmetricEigen eigen = SymmetricEigen.of(s, 0);
        INDArray q = eigen.vectors();
        INDArray rebuilt = q.mulRowVector(eigen.values().reshape(1, 5)).mmul(q.transpose());
        assertThat(rebuilt.sub(s).norm2Number().doubleValue()).isLessThan(1e-9);
        assertThat(q.transpose().mmul(q).sub(Nd4j.eye(5).castTo(DataType.DOUBLE)).norm2Number().doubleValue()).isLessThan(1e-9);
        assertThat(eigen.trace()).isCloseTo(s.mul(Nd4j.eye(5).castTo(DataType.DOUBLE)).sumNumber().doubleValue(),
                org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void clipsEigenvaluesAtTheFloorAndLeavesTheInputUntouched() {
        INDArray s = Nd4j.create(new double[][] {{1, 0}, {0, -3}});
        INDArray copy = s.dup();
        SymmetricEigen eigen = SymmetricEigen.of(s, 0.5);
        assertThat(eigen.values().minNumber().doubleValue()).isEqualTo(0.5);
        assertThat(eigen.values().maxNumber().doubleValue()).isEqualTo(1.0);
        assertThat(s).isEqualTo(copy);
    }

    @Test
    void divideAndConquerAgreesWithTheDefaultSolverAndClipsTheSameWay() {
        assertThat(SymmetricEigen.divideAndConquerAvailable()).as("LAPACK's dsyevd on this backend").isTrue();
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 30, 40);
        INDArray s = x.transpose().mmul(x); // rank 30: ten eigenvalues are round-off, clipped to the floor
        INDArray copy = s.dup();

        SymmetricEigen dsyev = SymmetricEigen.of(s, 1e-6, Integer.MAX_VALUE);
        SymmetricEigen dsyevd = SymmetricEigen.of(s, 1e-6, 1);

        assertThat(dsyevd.values().sub(dsyev.values()).amaxNumber().doubleValue()).isLessThan(1e-9);
        assertThat(dsyevd.values().getDouble(0)).isEqualTo(1e-6);
        INDArray q = dsyevd.vectors();
        INDArray rebuilt = q.mulRowVector(dsyevd.values().reshape(1, 40)).mmul(q.transpose());
        assertThat(rebuilt.sub(s).amaxNumber().doubleValue()).isLessThan(1e-5);
        assertThat(q.transpose().mmul(q).sub(Nd4j.eye(40).castTo(DataType.DOUBLE)).amaxNumber().doubleValue())
                .isLessThan(1e-9);
        assertThat(s).isEqualTo(copy);
    }

    @Test
    void everySizeGoesToDivideAndConquerInDoubleAndOnlyLargeOnesInFloat() {
        Nd4j.getRandom().setSeed(3);
        for (int n : new int[] {1, 2, 6, 65}) {
            INDArray x = Nd4j.randn(DataType.DOUBLE, 2 * n + 3, n);
            INDArray s = x.transpose().mmul(x);
            INDArray dsyevd = SymmetricEigen.of(s, 0, 1).vectors();
            assertThat(exactly(SymmetricEigen.of(s, 0).vectors())).as("n = %d", n).containsExactly(exactly(dsyevd));
            assertThat(exactly(SymmetricEigen.of(s, 0, DataType.FLOAT).vectors())).as("n = %d in float", n)
                    .containsExactly(exactly(dsyevd));
        }
        assertThat(SymmetricEigen.FLOAT_FROM).isGreaterThan(1601); // MinAtar's largest factor stays in double
    }

    @Test
    void divideAndConquerAgreesWithDsyevOnAnMlpSizedFactor() {
        Nd4j.getRandom().setSeed(4);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 160, 65);
        INDArray s = x.transpose().mmul(x).divi(160);
        SymmetricEigen dsyev = SymmetricEigen.of(s, 1e-6, Integer.MAX_VALUE);
        SymmetricEigen dsyevd = SymmetricEigen.of(s, 1e-6);
        assertThat(dsyevd.values().sub(dsyev.values()).amaxNumber().doubleValue()).isLessThan(1e-12);
        INDArray q = dsyevd.vectors();
        assertThat(q.mulRowVector(dsyevd.values().reshape(1, 65)).mmul(q.transpose()).sub(s).amaxNumber().doubleValue())
                .isLessThan(1e-12);
    }

    private static double[] exactly(INDArray x) {
        return x.dup('c').data().asDouble();
    }

    @Test
    void floatDivideAndConquerMatchesDoubleToFloatAccuracy() {
        Nd4j.getRandom().setSeed(13);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 30, 40);
        INDArray s = x.transpose().mmul(x);
        SymmetricEigen inDouble = SymmetricEigen.of(s, 1e-6, Integer.MAX_VALUE);
        SymmetricEigen inFloat = SymmetricEigen.of(s, 1e-6, 1, DataType.FLOAT);

        double largest = inDouble.values().maxNumber().doubleValue();
        double valueError = inFloat.values().sub(inDouble.values()).amaxNumber().doubleValue();
        assertThat(valueError).isLessThan(1e-5 * largest).isGreaterThan(0.0); // float round-off, not double's
        assertThat(inFloat.vectors().dataType()).isEqualTo(DataType.DOUBLE);
        INDArray q = inFloat.vectors();
        assertThat(q.mulRowVector(inFloat.values().reshape(1, 40)).mmul(q.transpose()).sub(s).amaxNumber().doubleValue())
                .isLessThan(1e-5 * largest);
        assertThat(q.transpose().mmul(q).sub(Nd4j.eye(40).castTo(DataType.DOUBLE)).amaxNumber().doubleValue())
                .isLessThan(1e-5);
    }

    /** LAPACK's workspace query for ssyevd rounds the size down once it passes 2^24 (the Nature CNN's 3137 rows). */
    @Test
    void floatDivideAndConquerDecomposesTheNatureCnnInputFactor() {
        int n = 3137;
        Nd4j.getRandom().setSeed(17);
        INDArray x = Nd4j.rand(DataType.FLOAT, 640, n);
        INDArray s = x.transpose().mmul(x).divi(640).castTo(DataType.DOUBLE);
        SymmetricEigen eigen = SymmetricEigen.inFloat(s, n, 1e-6);

        assertThat(eigen).as("ssyevd succeeded").isNotNull();
        INDArray q = eigen.vectors();
        INDArray top = q.getColumn(n - 1).reshape(n, 1);
        double largest = eigen.values().getDouble(n - 1);
        assertThat(s.mmul(top).sub(top.mul(largest)).norm2Number().doubleValue()).isLessThan(1e-4 * largest);
        assertThat(eigen.trace()).isCloseTo(s.mul(Nd4j.eye(n).castTo(DataType.DOUBLE)).sumNumber().doubleValue(),
                org.assertj.core.api.Assertions.withinPercentage(0.01));
    }
}
