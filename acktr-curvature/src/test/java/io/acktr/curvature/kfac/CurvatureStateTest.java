package io.acktr.curvature.kfac;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.curvature.CurvatureEstimator;
import io.acktr.api.curvature.FisherPass;
import io.acktr.api.curvature.FisherSample;
import io.acktr.api.curvature.FisherTargets;
import io.acktr.api.curvature.Gradient;
import io.acktr.api.state.Stateful;
import io.acktr.curvature.diagonal.DiagonalCurvatureEstimator;
import io.acktr.curvature.diagonal.DiagonalSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An estimator restored from its saved state preconditions exactly as the estimator that saved it
 * does from then on: running factors, batches not folded yet, eigenbases, schedule and damping.
 */
class CurvatureStateTest {
    private static final LevenbergMarquardtSettings LM = new LevenbergMarquardtSettings(
            KfacSettings.PREFIX + ".levenberg-marquardt", true, 0.5, 0.001, 1.0);

    /** Samples with a dense layer "w" and a per-sample block "log-std" without Kronecker structure. */
    private static List<FisherSample> samples(int count) {
        Nd4j.getRandom().setSeed(31);
        List<FisherSample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            INDArray abar = Nd4j.hstack(Nd4j.randn(DataType.DOUBLE, 9, 3), Nd4j.ones(DataType.DOUBLE, 9, 1));
            INDArray g = Nd4j.randn(DataType.DOUBLE, 9, 2).muli(1 + i);
            samples.add(new FisherSample(List.of(new io.acktr.api.curvature.DenseLayerStatistics("w", abar, g)),
                    Map.of("log-std", Nd4j.randn(DataType.DOUBLE, 9, 2)), 9));
        }
        return samples;
    }

    private static Gradient gradient(int update) {
        return new Gradient(Map.of("w", Nd4j.create(new double[][] {{-1, -0.7 * update, -0.4, -0.1}, {0.2, 0.5, 0.8, update}}),
                "log-std", Nd4j.create(new double[][] {{0.3, -0.2 * update}})));
    }

    private static List<String> run(CurvatureEstimator estimator, List<FisherSample> samples, int from, int to) {
        List<String> directions = new ArrayList<>();
        for (int update = from; update < to; update++) {
            estimator.observe(FisherPass.of(samples.get(update)));
            var direction = estimator.precondition(gradient(update));
            directions.add(direction.blocks().get("w") + " " + direction.blocks().get("log-std"));
            if (estimator instanceof io.acktr.api.step.StepFeedbackListener listener) {
                listener.observe(new io.acktr.api.step.StepFeedback(0.01 * update, 0.02, -0.1, -0.05 * update));
            }
        }
        return directions;
    }

    private static void assertResumes(Supplier<CurvatureEstimator> create, int savedAt) {
        List<FisherSample> samples = samples(14);
        try (CurvatureEstimator original = create.get(); CurvatureEstimator restored = create.get();
             CurvatureEstimator fresh = create.get()) {
            run(original, samples, 0, savedAt);
            ((Stateful) restored).restoreState(((Stateful) original).saveState());
            List<String> expected = run(original, samples, savedAt, 14);
            assertThat(run(restored, samples, savedAt, 14)).as(original.name() + " saved at " + savedAt).isEqualTo(expected);
            assertThat(run(fresh, samples, savedAt, 14)).isNotEqualTo(expected);
        }
    }

    @Test
    void kfacResumesBetweenEigendecompositionsWithItsPendingBatchesAndAdaptedDamping() {
        for (int savedAt : new int[] {2, 4, 5}) {
            assertResumes(() -> new KfacCurvatureEstimator(new KfacSettings(0.01, DampingForm.EIGEN, 0.8, 3, 1, 1, 1e-6,
                    false, FisherTargets.SAMPLED, LM)), savedAt);
        }
    }

    @Test
    void ekfacResumesWithItsScalesInTheirBasis() {
        for (int savedAt : new int[] {2, 4}) {
            assertResumes(() -> new EkfacCurvatureEstimator(new EkfacSettings(0.01, 0.8, 3, 1, 1e-6, false,
                    FisherTargets.SAMPLED, LM)), savedAt);
        }
    }

    @Test
    void diagonalResumesWithItsRunningSquares() {
        assertResumes(() -> new DiagonalCurvatureEstimator(new DiagonalSettings(0.01, 0.8)), 3);
    }
}
