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
    void onlyLargeMatricesGoToDivideAndConquer() {
        assertThat(SymmetricEigen.DIVIDE_AND_CONQUER_FROM).isGreaterThan(1025); // MinAtar's largest factor stays on dsyev
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 12, 6);
        INDArray s = x.transpose().mmul(x);
        assertThat(SymmetricEigen.of(s, 0).vectors()).isEqualTo(SymmetricEigen.of(s, 0, Integer.MAX_VALUE).vectors());
    }
}
