package io.acktr.curvature.explicit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.acktr.api.curvature.DenseLayerStatistics;
import io.acktr.api.curvature.FisherPass;
import io.acktr.api.curvature.FisherSample;
import io.acktr.api.curvature.FisherTargets;
import io.acktr.api.curvature.Gradient;
import io.acktr.curvature.diagonal.DiagonalCurvatureEstimator;
import io.acktr.curvature.diagonal.DiagonalSettings;
import io.acktr.curvature.kfac.DampingForm;
import io.acktr.curvature.kfac.KfacCurvatureEstimator;
import io.acktr.curvature.kfac.KfacSettings;
import io.acktr.curvature.kfac.LevenbergMarquardtSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ExplicitFisherEstimatorTest {
    private static FisherSample sample(int n) {
        Nd4j.getRandom().setSeed(17);
        INDArray abar = Nd4j.hstack(Nd4j.randn(DataType.DOUBLE, n, 3), Nd4j.ones(DataType.DOUBLE, n, 1));
        INDArray g = Nd4j.randn(DataType.DOUBLE, n, 2);
        Map<String, INDArray> vectors = new LinkedHashMap<>();
        vectors.put("log_std", Nd4j.randn(DataType.DOUBLE, n, 2));
        return new FisherSample(List.of(new DenseLayerStatistics("w", abar, g)), vectors, n);
    }

    @Test
    void theDiagonalOfTheExplicitFisherIsTheDiagonalEstimators() {
        FisherSample sample = sample(11);
        ExplicitFisherEstimator explicit = new ExplicitFisherEstimator(new ExplicitFisherSettings(0.01, 100));
        DiagonalCurvatureEstimator diagonal = new DiagonalCurvatureEstimator(new DiagonalSettings(0.01, 0.5));
        explicit.observe(FisherPass.of(sample));
        diagonal.observe(FisherPass.of(sample));
        INDArray f = explicit.fisher();
        double[] expected = Nd4j.hstack(diagonal.diagonal("w").reshape('c', 1, 8), diagonal.diagonal("log_std")).toDoubleVector();
        for (int i = 0; i < expected.length; i++) {
            assertThat(f.getDouble(i, i)).isCloseTo(expected[i], within(1e-12));
        }
        assertThat(f.sub(f.transpose()).norm2Number().doubleValue()).isLessThan(1e-12);
    }

    @Test
    void withOneSampleTheExplicitSolveEqualsTheKfacDirectionWithEigenDamping() {
        FisherSample full = sample(1);
        FisherSample layerOnly = new FisherSample(full.layers(), Map.of(), 1);
        ExplicitFisherEstimator explicit = new ExplicitFisherEstimator(new ExplicitFisherSettings(0.05, 100));
        KfacCurvatureEstimator kfac = new KfacCurvatureEstimator(new KfacSettings(0.05, DampingForm.EIGEN, 0.9, 1, 1, 0, 0, false, FisherTargets.SAMPLED, new LevenbergMarquardtSettings(KfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10)));
        explicit.observe(FisherPass.of(layerOnly));
        kfac.observe(FisherPass.of(layerOnly));
        Gradient gradient = new Gradient(Map.of("w", Nd4j.randn(DataType.DOUBLE, 2, 4)));
        INDArray fromExplicit = explicit.precondition(gradient).blocks().get("w");
        INDArray fromKfac = kfac.precondition(gradient).blocks().get("w");
        assertThat(fromExplicit.sub(fromKfac).norm2Number().doubleValue()).isLessThan(1e-8);
    }

    @Test
    void aNetworkAboveTheParameterLimitIsRefusedNamingTheSetting() {
        ExplicitFisherEstimator explicit = new ExplicitFisherEstimator(new ExplicitFisherSettings(0.01, 9));
        assertThatThrownBy(() -> explicit.observe(FisherPass.of(sample(3))))
                .hasMessageContaining("acktr.curvature.explicit.max-parameters = 9").hasMessageContaining("10 x 10");
    }
}
