package io.acktr.curvature.kfac;

import static io.acktr.curvature.kfac.ExplicitMatrices.addIdentity;
import static io.acktr.curvature.kfac.ExplicitMatrices.kron;
import static io.acktr.curvature.kfac.ExplicitMatrices.outer;
import static io.acktr.curvature.kfac.ExplicitMatrices.solve;
import static io.acktr.curvature.kfac.ExplicitMatrices.vec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.acktr.api.curvature.DenseLayerStatistics;
import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.FisherPass;
import io.acktr.api.curvature.FisherSample;
import io.acktr.api.curvature.FisherTargets;
import io.acktr.api.curvature.Gradient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class KfacCurvatureEstimatorTest {
    private static final int D_IN = 3;
    private static final int D_OUT = 2;

    @BeforeEach
    void seed() {
        Nd4j.getRandom().setSeed(42);
    }

    private static KfacSettings settings(DampingForm form, double damping, double decay) {
        return new KfacSettings(damping, form, decay, 1, 1, 0, 0, false, FisherTargets.SAMPLED, new LevenbergMarquardtSettings(KfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10));
    }

    private static INDArray homogeneous(int n) {
        INDArray a = Nd4j.randn(DataType.DOUBLE, n, D_IN);
        return Nd4j.hstack(a, Nd4j.ones(DataType.DOUBLE, n, 1));
    }

    private static FisherSample sample(INDArray abar, INDArray g) {
        return new FisherSample(List.of(new DenseLayerStatistics("layer", abar, g)), Map.of(), (int) abar.rows());
    }

    @Test
    void factorsEqualExplicitSecondMomentsOfActivationsAndGradients() {
        INDArray abar = homogeneous(7);
        INDArray g = Nd4j.randn(DataType.DOUBLE, 7, D_OUT);
        KfacCurvatureEstimator kfac = new KfacCurvatureEstimator(settings(DampingForm.EIGEN, 0.01, 0.9));
        kfac.observe(FisherPass.of(sample(abar, g)));
        assertMatrixEquals(kfac.factorA("layer"), outer(abar), 1e-12);
        assertMatrixEquals(kfac.factorG("layer"), outer(g), 1e-12);
    }

    @Test
    void factorsAreRunningAveragesWithTheConfiguredDecay() {
        INDArray abar1 = homogeneous(5);
        INDArray g1 = Nd4j.randn(DataType.DOUBLE, 5, D_OUT);
        INDArray abar2 = homogeneous(5);
        INDArray g2 = Nd4j.randn(DataType.DOUBLE, 5, D_OUT);
        KfacCurvatureEstimator kfac = new KfacCurvatureEstimator(settings(DampingForm.EIGEN, 0.01, 0.9));
        kfac.observe(FisherPass.of(sample(abar1, g1)));
        kfac.observe(FisherPass.of(sample(abar2, g2)));
        double[][] a1 = outer(abar1);
        double[][] a2 = outer(abar2);
        double[][] expected = new double[a1.length][a1.length];
        for (int i = 0; i < a1.length; i++) {
            for (int j = 0; j < a1.length; j++) {
                expected[i][j] = 0.9 * a1[i][j] + 0.1 * a2[i][j];
            }
        }
        assertMatrixEquals(kfac.factorA("layer"), expected, 1e-12);
    }

    @Test
    void withOneSampleTheEigenDampedDirectionIsTheExplicitSolveWithKroneckerPlusLambda() {
        double lambda = 0.03;
        INDArray abar = homogeneous(1);
        INDArray g = Nd4j.randn(DataType.DOUBLE, 1, D_OUT);
        INDArray gradient = Nd4j.randn(DataType.DOUBLE, D_OUT, D_IN + 1);
        KfacCurvatureEstimator kfac = new KfacCurvatureEstimator(settings(DampingForm.EIGEN, lambda, 0.9));
        kfac.observe(FisherPass.of(sample(abar, g)));
        Direction direction = kfac.precondition(new Gradient(Map.of("layer", gradient)));

        // With one sample the layer's exact Fisher block vec(g abar^T) vec(g abar^T)^T is A ⊗ G.
        double[][] fisher = explicitOneSampleFisher(abar, g);
        double[] expected = solve(addIdentity(fisher, lambda), vec(gradient));
        assertThat(vec(direction.blocks().get("layer"))).containsExactly(expected, within(1e-8));
        assertThat(direction.quadraticForm()).isCloseTo(dot(expected, vec(gradient)), within(1e-8));
    }

    @Test
    void factoredTikhonovDampingMatchesTheExplicitDampedFactors() {
        double lambda = 0.05;
        INDArray abar = homogeneous(6);
        INDArray g = Nd4j.randn(DataType.DOUBLE, 6, D_OUT);
        INDArray gradient = Nd4j.randn(DataType.DOUBLE, D_OUT, D_IN + 1);
        KfacCurvatureEstimator kfac = new KfacCurvatureEstimator(settings(DampingForm.FACTORED_TIKHONOV, lambda, 0.9));
        kfac.observe(FisherPass.of(sample(abar, g)));
        Direction direction = kfac.precondition(new Gradient(Map.of("layer", gradient)));

        double[][] a = outer(abar);
        double[][] gg = outer(g);
        double pi = Math.sqrt((trace(a) / a.length) / (trace(gg) / gg.length));
        double[][] dampedKron = kron(addIdentity(a, pi * Math.sqrt(lambda)), addIdentity(gg, Math.sqrt(lambda) / pi));
        double[] expected = solve(dampedKron, vec(gradient));
        assertThat(vec(direction.blocks().get("layer"))).containsExactly(expected, within(1e-8));
    }

    @Test
    void blocksWithoutKroneckerStructureUseARunningDiagonalFisher() {
        INDArray perSample = Nd4j.create(new double[][] {{1, 2}, {3, 0}});
        FisherSample sample = new FisherSample(List.of(), Map.of("log_std", perSample), 2);
        KfacCurvatureEstimator kfac = new KfacCurvatureEstimator(settings(DampingForm.EIGEN, 0.5, 0.9));
        kfac.observe(FisherPass.of(sample));
        Direction d = kfac.precondition(new Gradient(Map.of("log_std", Nd4j.create(new double[][] {{1, 1}}))));
        // E[g^2] = [(1 + 9) / 2, (4 + 0) / 2] = [5, 2]
        assertThat(d.blocks().get("log_std").toDoubleVector()).containsExactly(new double[] {1 / 5.5, 1 / 2.5}, within(1e-12));
    }

    @Test
    void duringWarmUpTheDirectionIsThePlainGradient() {
        KfacCurvatureEstimator kfac = new KfacCurvatureEstimator(new KfacSettings(0.01, DampingForm.EIGEN, 0.9, 1, 1, 2, 0, false, FisherTargets.SAMPLED, new LevenbergMarquardtSettings(KfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10)));
        INDArray gradient = Nd4j.randn(DataType.DOUBLE, D_OUT, D_IN + 1);
        for (int i = 0; i < 2; i++) {
            kfac.observe(FisherPass.of(sample(homogeneous(4), Nd4j.randn(DataType.DOUBLE, 4, D_OUT))));
            assertThat(kfac.precondition(new Gradient(Map.of("layer", gradient))).blocks().get("layer")).isEqualTo(gradient);
        }
        kfac.observe(FisherPass.of(sample(homogeneous(4), Nd4j.randn(DataType.DOUBLE, 4, D_OUT))));
        assertThat(kfac.precondition(new Gradient(Map.of("layer", gradient))).blocks().get("layer")).isNotEqualTo(gradient);
    }

    @Test
    void eigenbasesAreOnlyRefreshedEveryInverseInterval() {
        KfacCurvatureEstimator kfac = new KfacCurvatureEstimator(new KfacSettings(0.01, DampingForm.EIGEN, 0.5, 3, 1, 0, 0, false, FisherTargets.SAMPLED, new LevenbergMarquardtSettings(KfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10)));
        INDArray gradient = Nd4j.randn(DataType.DOUBLE, D_OUT, D_IN + 1);
        kfac.observe(FisherPass.of(sample(homogeneous(4), Nd4j.randn(DataType.DOUBLE, 4, D_OUT))));
        INDArray first = kfac.precondition(new Gradient(Map.of("layer", gradient))).blocks().get("layer");
        kfac.observe(FisherPass.of(sample(homogeneous(4).muli(3), Nd4j.randn(DataType.DOUBLE, 4, D_OUT))));
        assertThat(kfac.precondition(new Gradient(Map.of("layer", gradient))).blocks().get("layer")).isEqualTo(first);
        kfac.observe(FisherPass.of(sample(homogeneous(4), Nd4j.randn(DataType.DOUBLE, 4, D_OUT))));
        kfac.observe(FisherPass.of(sample(homogeneous(4), Nd4j.randn(DataType.DOUBLE, 4, D_OUT))));
        assertThat(kfac.precondition(new Gradient(Map.of("layer", gradient))).blocks().get("layer")).isNotEqualTo(first);
    }

    @Test
    void aBatchWithNaNIsLeftOutOfTheFactorsSoTheyStayUsable() {
        INDArray abar = homogeneous(5);
        INDArray g = Nd4j.randn(DataType.DOUBLE, 5, D_OUT);
        KfacCurvatureEstimator kfac = new KfacCurvatureEstimator(settings(DampingForm.EIGEN, 0.01, 0.9));
        kfac.observe(FisherPass.of(sample(abar, g)));
        INDArray poisoned = homogeneous(5);
        poisoned.putScalar(2, 1, Double.NaN);
        kfac.observe(FisherPass.of(sample(poisoned, Nd4j.randn(DataType.DOUBLE, 5, D_OUT))));
        assertMatrixEquals(kfac.factorA("layer"), outer(abar), 1e-12);
        INDArray gradient = Nd4j.randn(DataType.DOUBLE, D_OUT, D_IN + 1);
        assertThat(kfac.precondition(new Gradient(Map.of("layer", gradient))).isFinite()).isTrue();
    }

    @Test
    void aBlockWithoutStatisticsIsAnErrorNamingIt() {
        KfacCurvatureEstimator kfac = new KfacCurvatureEstimator(settings(DampingForm.EIGEN, 0.01, 0.9));
        kfac.observe(FisherPass.of(sample(homogeneous(2), Nd4j.randn(DataType.DOUBLE, 2, D_OUT))));
        assertThatThrownBy(() -> kfac.precondition(new Gradient(Map.of("mystery", Nd4j.ones(2, 2)))))
                .hasMessageContaining("mystery");
    }

    private static double[][] explicitOneSampleFisher(INDArray abar, INDArray g) {
        INDArray outerGradient = g.transpose().mmul(abar);
        double[] v = vec(outerGradient);
        double[][] f = new double[v.length][v.length];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                f[i][j] = v[i] * v[j];
            }
        }
        double[][] k = kron(outer(abar), outer(g));
        for (int i = 0; i < v.length; i++) {
            assertThat(k[i]).containsExactly(f[i], within(1e-12));
        }
        return f;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double trace(double[][] m) {
        double t = 0;
        for (int i = 0; i < m.length; i++) {
            t += m[i][i];
        }
        return t;
    }

    private static void assertMatrixEquals(INDArray actual, double[][] expected, double tolerance) {
        assertThat(actual.rows()).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual.getRow(i).toDoubleVector()).containsExactly(expected[i], within(tolerance));
        }
    }
}
