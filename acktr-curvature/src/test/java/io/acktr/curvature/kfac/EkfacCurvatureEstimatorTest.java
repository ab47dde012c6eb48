package io.acktr.curvature.kfac;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.curvature.DenseLayerStatistics;
import io.acktr.api.curvature.FisherPass;
import io.acktr.api.curvature.FisherSample;
import io.acktr.api.curvature.FisherTargets;
import io.acktr.api.curvature.Gradient;
import io.acktr.curvature.explicit.ExplicitFisherEstimator;
import io.acktr.curvature.explicit.ExplicitFisherSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class EkfacCurvatureEstimatorTest {
    private static FisherSample batch(long seed, int n) {
        Nd4j.getRandom().setSeed(seed);
        INDArray a = Nd4j.randn(DataType.DOUBLE, n, 3);
        INDArray abar = Nd4j.hstack(a, Nd4j.ones(DataType.DOUBLE, n, 1));
        // Gradients that depend on the activations, so that A ⊗ G is not exact.
        INDArray g = Nd4j.randn(DataType.DOUBLE, n, 2).muliColumnVector(a.getColumn(0, true).mul(a.getColumn(0, true)).addi(0.1));
        return new FisherSample(List.of(new DenseLayerStatistics("w", abar, g)), Map.of(), n);
    }

    @Test
    void withOneSampleEkfacEqualsKfacWithEigenDamping() {
        FisherSample one = batch(5, 1);
        EkfacCurvatureEstimator ekfac = new EkfacCurvatureEstimator(new EkfacSettings(0.05, 0.9, 1, 0, 0, false, FisherTargets.SAMPLED, new LevenbergMarquardtSettings(EkfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10)));
        KfacCurvatureEstimator kfac = new KfacCurvatureEstimator(new KfacSettings(0.05, DampingForm.EIGEN, 0.9, 1, 1, 0, 0, false, FisherTargets.SAMPLED, new LevenbergMarquardtSettings(KfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10)));
        ekfac.observe(FisherPass.of(one));
        kfac.observe(FisherPass.of(one));
        Gradient gradient = new Gradient(Map.of("w", Nd4j.randn(DataType.DOUBLE, 2, 4)));
        INDArray difference = ekfac.precondition(gradient).blocks().get("w").sub(kfac.precondition(gradient).blocks().get("w"));
        assertThat(difference.norm2Number().doubleValue()).isLessThan(1e-8);
    }

    @Test
    void onRandomBatchesEkfacIsAtLeastAsCloseToTheExplicitFisherBlockAsKfac() {
        for (long seed = 1; seed <= 5; seed++) {
            FisherSample sample = batch(seed, 64);
            EkfacCurvatureEstimator ekfac = new EkfacCurvatureEstimator(new EkfacSettings(0.01, 0.9, 1, 0, 0, false, FisherTargets.SAMPLED, new LevenbergMarquardtSettings(EkfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10)));
            ExplicitFisherEstimator explicit = new ExplicitFisherEstimator(new ExplicitFisherSettings(0.01, 100));
            ekfac.observe(FisherPass.of(sample));
            explicit.observe(FisherPass.of(sample));
            double[][] exact = explicit.fisher().toDoubleMatrix();
            double ekfacError = frobenius(ekfac.modelledFisher("w"), exact);
            double kfacError = frobenius(ekfac.kroneckerFisher("w"), exact);
            assertThat(ekfacError).as("seed " + seed).isLessThanOrEqualTo(kfacError + 1e-12);
            assertThat(kfacError).as("the Kronecker assumption is not exact here").isGreaterThan(1e-3);
        }
    }

    private static double frobenius(double[][] a, double[][] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                sum += (a[i][j] - b[i][j]) * (a[i][j] - b[i][j]);
            }
        }
        return Math.sqrt(sum);
    }
}
