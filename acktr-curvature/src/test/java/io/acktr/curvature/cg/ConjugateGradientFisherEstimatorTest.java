package io.acktr.curvature.cg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.acktr.api.curvature.DenseLayerStatistics;
import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.FisherPass;
import io.acktr.api.curvature.FisherSample;
import io.acktr.api.curvature.FisherVectorProduct;
import io.acktr.api.curvature.Gradient;
import io.acktr.curvature.explicit.ExplicitFisherEstimator;
import io.acktr.curvature.explicit.ExplicitFisherSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * CG on Fisher-vector products against the explicit solve: the products here multiply by the
 * explicit Fisher {@code S^T S / N} of a batch of per-sample gradients of two blocks (a 2 x 4
 * dense layer and a 1 x 3 vector), so both estimators see exactly the same matrix.
 */
class ConjugateGradientFisherEstimatorTest {
    private static final int N = 6; // fewer samples than the 11 parameters: F is singular, damping matters

    private record Problem(FisherSample sample, INDArray fisher) {
    }

    private static Problem problem() {
        Nd4j.getRandom().setSeed(5);
        INDArray abar = Nd4j.hstack(Nd4j.randn(DataType.DOUBLE, N, 3), Nd4j.ones(DataType.DOUBLE, N, 1));
        INDArray g = Nd4j.randn(DataType.DOUBLE, N, 2);
        INDArray logStd = Nd4j.randn(DataType.DOUBLE, N, 3);
        FisherSample layers = new FisherSample(List.of(new DenseLayerStatistics("w", abar, g)), Map.of("log_std", logStd), N);
        ExplicitFisherEstimator explicit = new ExplicitFisherEstimator(new ExplicitFisherSettings(0.01, 100));
        explicit.observe(FisherPass.of(layers));
        INDArray fisher = explicit.fisher();
        FisherVectorProduct product = v -> {
            INDArray flat = Nd4j.hstack(v.get("w").reshape('c', 1, 8), v.get("log_std").reshape('c', 1, 3));
            INDArray fv = fisher.mmul(flat.transpose()).transpose();
            Map<String, INDArray> out = new LinkedHashMap<>();
            out.put("w", fv.get(NDArrayIndex.point(0), NDArrayIndex.interval(0, 8)).dup().reshape('c', 2, 4));
            out.put("log_std", fv.get(NDArrayIndex.point(0), NDArrayIndex.interval(8, 11)).dup().reshape('c', 1, 3));
            return out;
        };
        return new Problem(new FisherSample(layers.layers(), layers.perSampleGradients(), N, product), fisher);
    }

    private static Gradient gradient() {
        Nd4j.getRandom().setSeed(9);
        Map<String, INDArray> blocks = new LinkedHashMap<>();
        blocks.put("w", Nd4j.randn(DataType.DOUBLE, 2, 4));
        blocks.put("log_std", Nd4j.randn(DataType.DOUBLE, 1, 3));
        return new Gradient(blocks);
    }

    private static INDArray flat(Direction d) {
        return Nd4j.hstack(d.blocks().get("w").reshape('c', 1, 8), d.blocks().get("log_std").reshape('c', 1, 3));
    }

    @Test
    void enoughIterationsReproduceTheExplicitSolveToOnePartInAMillion() {
        Problem problem = problem();
        ConjugateGradientFisherEstimator cg = new ConjugateGradientFisherEstimator(new ConjugateGradientSettings(0.05, 50, 1e-12));
        ExplicitFisherEstimator explicit = new ExplicitFisherEstimator(new ExplicitFisherSettings(0.05, 100));
        cg.observe(FisherPass.of(problem.sample()));
        explicit.observe(FisherPass.of(problem.sample()));
        Gradient gradient = gradient();
        INDArray fromCg = flat(cg.precondition(gradient));
        INDArray exact = flat(explicit.precondition(gradient));
        double relativeError = fromCg.sub(exact).norm2Number().doubleValue() / exact.norm2Number().doubleValue();
        assertThat(relativeError).isLessThan(1e-6);
        assertThat(cg.lastRelativeResidual()).isLessThan(1e-10);
    }

    @Test
    void theQuadraticFormIsTheExactFisherNormOfTheDirection() {
        Problem problem = problem();
        ConjugateGradientFisherEstimator cg = new ConjugateGradientFisherEstimator(new ConjugateGradientSettings(0.05, 50, 1e-12));
        cg.observe(FisherPass.of(problem.sample()));
        Direction direction = cg.precondition(gradient());
        INDArray x = flat(direction);
        double expected = x.mmul(problem.fisher()).mmul(x.transpose()).getDouble(0);
        assertThat(direction.quadraticForm()).isCloseTo(expected, within(1e-10 * Math.max(1, expected)));
    }

    @Test
    void theIterationLimitBoundsTheFisherVectorProducts() {
        Problem problem = problem();
        AtomicInteger calls = new AtomicInteger();
        FisherSample counted = new FisherSample(List.of(), Map.of(), N, v -> {
            calls.incrementAndGet();
            return problem.sample().fisherVectorProduct().apply(v);
        });
        ConjugateGradientFisherEstimator cg = new ConjugateGradientFisherEstimator(new ConjugateGradientSettings(0.05, 3, 0));
        cg.observe(FisherPass.of(counted));
        Direction few = cg.precondition(gradient());
        assertThat(cg.lastIterations()).isEqualTo(3);
        assertThat(calls.get()).isEqualTo(3 + 1); // three CG products and one for the quadratic form
        assertThat(cg.lastRelativeResidual()).isGreaterThan(1e-6);
        assertThat(few.isFinite()).isTrue();
    }

    @Test
    void itAsksForFisherVectorProductsAndNotForASampledPass() {
        ConjugateGradientFisherEstimator cg = new ConjugateGradientFisherEstimator(new ConjugateGradientSettings(0.05, 3, 0));
        assertThat(cg.requirements().fisherVectorProducts()).isTrue();
        assertThat(cg.requirements().fisherTargets()).isEmpty();
        assertThatThrownBy(() -> cg.precondition(gradient())).hasMessageContaining("observe");
    }
}
