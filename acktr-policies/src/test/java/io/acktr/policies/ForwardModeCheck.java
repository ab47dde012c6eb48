package io.acktr.policies;

import static io.acktr.policies.GradientCheck.gaussian;
import static io.acktr.policies.GradientCheck.maxRelativeError;
import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.policy.ActionDistribution;
import io.acktr.api.policy.ForwardModePolicy;
import io.acktr.api.policy.ForwardPass;
import io.acktr.api.policy.OutputTangent;
import io.acktr.api.policy.ParameterBlock;
import io.acktr.api.policy.Policy;
import io.acktr.policies.distributions.CategoricalDistribution;
import io.acktr.policies.distributions.DiagonalGaussianDistribution;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Finite-difference checks of forward mode ({@code J v}) and of the Fisher-vector product
 * {@code J^T H J v / N} built from it, for tests of double-precision policies.
 */
public final class ForwardModeCheck {
    /** Step of the central difference of the outputs. */
    public static final double OUTPUT_EPSILON = 1e-6;
    /** Smaller step of the extrapolated central difference of the Gauss-Newton gradient. */
    public static final double GRADIENT_EPSILON = 1e-4;
    public static final double TOLERANCE = 1e-6;

    private ForwardModeCheck() {
    }

    /** A direction with one normal tensor per block, of the block's shape. */
    public static Map<String, INDArray> randomDirection(Policy policy, Random random) {
        Map<String, INDArray> direction = new LinkedHashMap<>();
        for (ParameterBlock block : policy.parameters()) {
            direction.put(block.name(), gaussian(random, 1, block.value().rows(), block.value().columns()));
        }
        return direction;
    }

    /** The distribution's parameter vectors, {@code N x parameterWidth}: logits, or {@code [mean, logStd]}. */
    public static INDArray distributionParameters(ActionDistribution distribution) {
        if (distribution instanceof CategoricalDistribution categorical) {
            return categorical.logits().dup();
        }
        if (distribution instanceof DiagonalGaussianDistribution gaussian) {
            return gaussian.parameters();
        }
        throw new IllegalArgumentException("unknown distribution " + distribution);
    }

    /** {@code (out(theta + eps v) - out(theta - eps v)) / 2 eps}; the parameters are restored. */
    public static OutputTangent numericOutputTangent(Policy policy, INDArray observations,
                                                     Map<String, INDArray> direction) {
        ForwardPass plus = at(policy, direction, OUTPUT_EPSILON, () -> policy.forward(observations));
        ForwardPass minus = at(policy, direction, -OUTPUT_EPSILON, () -> policy.forward(observations));
        double scale = 1 / (2 * OUTPUT_EPSILON);
        return new OutputTangent(
                distributionParameters(plus.distribution()).sub(distributionParameters(minus.distribution())).muli(scale),
                plus.values().sub(minus.values()).muli(scale));
    }

    /**
     * {@code F v = J^T H J v / N}: forward mode, the output distributions' Fisher {@code H} (and
     * {@code c^2} for the values), then the backward pass.
     */
    public static Map<String, INDArray> fisherVectorProduct(ForwardModePolicy policy, ForwardPass pass,
                                                            Map<String, INDArray> direction,
                                                            double valueFisherCoefficient) {
        OutputTangent tangent = policy.outputTangent(pass, direction);
        int n = pass.batchSize();
        INDArray distributionPart = pass.distribution().fisherVectorProduct(tangent.distribution()).divi(n);
        INDArray valuePart = tangent.values().mul(valueFisherCoefficient * valueFisherCoefficient / n);
        return policy.backward(pass, distributionPart, valuePart).gradients();
    }

    /**
     * The derivative, along {@code v}, of the gradient of {@code 0.5/N sum_i (o_i - o0_i)^T H_i (o_i - o0_i)}
     * (with {@code H_i} and {@code o0_i} held at the current parameters, the values weighted by
     * {@code c^2}), which is {@code J^T H J v / N}: central differences with steps {@code h} and
     * {@code 2h}, combined by Richardson extrapolation, {@code (4 D(h) - D(2h)) / 3}, so the error is
     * {@code O(h^4)}.
     */
    public static Map<String, INDArray> numericFisherVectorProduct(Policy policy, INDArray observations,
                                                                   Map<String, INDArray> direction,
                                                                   double valueFisherCoefficient) {
        ForwardPass anchor = policy.forward(observations);
        Map<String, INDArray> small = centralDifference(policy, anchor, observations, direction,
                valueFisherCoefficient, GRADIENT_EPSILON);
        Map<String, INDArray> large = centralDifference(policy, anchor, observations, direction,
                valueFisherCoefficient, 2 * GRADIENT_EPSILON);
        Map<String, INDArray> extrapolated = new LinkedHashMap<>();
        for (String block : small.keySet()) {
            extrapolated.put(block, small.get(block).mul(4).subi(large.get(block)).divi(3));
        }
        return extrapolated;
    }

    private static Map<String, INDArray> centralDifference(Policy policy, ForwardPass anchor, INDArray observations,
                                                           Map<String, INDArray> direction,
                                                           double valueFisherCoefficient, double step) {
        Map<String, INDArray> plus = at(policy, direction, step,
                () -> gaussNewtonGradient(policy, anchor, observations, valueFisherCoefficient));
        Map<String, INDArray> minus = at(policy, direction, -step,
                () -> gaussNewtonGradient(policy, anchor, observations, valueFisherCoefficient));
        Map<String, INDArray> difference = new LinkedHashMap<>();
        for (String block : plus.keySet()) {
            difference.put(block, plus.get(block).sub(minus.get(block)).divi(2 * step));
        }
        return difference;
    }

    /** Asserts every block of {@code actual} matches {@code expected} to {@link #TOLERANCE} relative error. */
    public static void assertBlocksMatch(String what, Map<String, INDArray> actual, Map<String, INDArray> expected) {
        assertThat(actual.keySet()).as(what).containsExactlyElementsOf(expected.keySet());
        for (String block : expected.keySet()) {
            assertThat(maxRelativeError(actual.get(block).castTo(DataType.DOUBLE), expected.get(block)))
                    .as("%s of %s: %s vs %s", what, block, actual.get(block), expected.get(block))
                    .isLessThan(TOLERANCE);
        }
    }

    public static void assertTangentsMatch(OutputTangent actual, OutputTangent expected) {
        assertThat(maxRelativeError(actual.distribution(), expected.distribution()))
                .as("distribution tangent %s vs %s", actual.distribution(), expected.distribution())
                .isLessThan(TOLERANCE);
        assertThat(maxRelativeError(actual.values(), expected.values()))
                .as("value tangent %s vs %s", actual.values(), expected.values())
                .isLessThan(TOLERANCE);
    }

    private static Map<String, INDArray> gaussNewtonGradient(Policy policy, ForwardPass anchor, INDArray observations,
                                                             double valueFisherCoefficient) {
        ForwardPass pass = policy.forward(observations);
        int n = pass.batchSize();
        INDArray distributionResidual = distributionParameters(pass.distribution())
                .subi(distributionParameters(anchor.distribution()));
        INDArray valueResidual = pass.values().sub(anchor.values());
        return policy.backward(pass, anchor.distribution().fisherVectorProduct(distributionResidual).divi(n),
                valueResidual.muli(valueFisherCoefficient * valueFisherCoefficient / n)).gradients();
    }

    /** Evaluates at {@code theta + step v}, then puts the parameters back exactly. */
    private static <T> T at(Policy policy, Map<String, INDArray> direction, double step, Supplier<T> evaluation) {
        Map<String, INDArray> saved = new LinkedHashMap<>();
        for (ParameterBlock block : policy.parameters()) {
            saved.put(block.name(), block.value().dup());
            INDArray d = direction.get(block.name());
            if (d != null) {
                block.value().addi(d.mul(step));
            }
        }
        try {
            return evaluation.get();
        } finally {
            for (ParameterBlock block : policy.parameters()) {
                block.value().assign(saved.get(block.name()));
            }
        }
    }
}
