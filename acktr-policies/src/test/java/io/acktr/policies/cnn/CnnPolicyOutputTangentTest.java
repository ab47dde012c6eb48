package io.acktr.policies.cnn;

import static io.acktr.policies.ForwardModeCheck.assertBlocksMatch;
import static io.acktr.policies.ForwardModeCheck.assertTangentsMatch;
import static io.acktr.policies.ForwardModeCheck.fisherVectorProduct;
import static io.acktr.policies.ForwardModeCheck.numericFisherVectorProduct;
import static io.acktr.policies.ForwardModeCheck.numericOutputTangent;
import static io.acktr.policies.ForwardModeCheck.randomDirection;
import static io.acktr.policies.GradientCheck.gaussian;
import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.Space;
import io.acktr.api.policy.ForwardPass;
import io.acktr.api.policy.OutputTangent;
import io.acktr.api.policy.ParameterBlock;
import io.acktr.policies.layers.Activation;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CnnPolicyOutputTangentTest {
    private static final int BATCH = 4;
    private static final int IMAGE_SIZE = 6 * 6 * 2;
    private static final Space DISCRETE = new DiscreteSpace(3);
    private static final Space BOX = BoxSpace.uniform(-2, 2, 2);
    private static final double VALUE_FISHER_COEFFICIENT = 0.7;

    private final Random random = new Random(61);

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of(true, DISCRETE, Activation.TANH),
                Arguments.of(true, BOX, Activation.TANH),
                Arguments.of(false, DISCRETE, Activation.TANH),
                Arguments.of(false, BOX, Activation.TANH),
                Arguments.of(true, DISCRETE, Activation.RELU),
                Arguments.of(false, BOX, Activation.RELU));
    }

    private CnnPolicy randomisedPolicy(boolean shared, Space actions, Activation activation) {
        CnnPolicy policy = CnnPolicyTest.tinyPolicy(shared, actions, activation, 1);
        for (ParameterBlock block : policy.parameters()) {
            block.value().assign(gaussian(random, 0.5, block.value().rows(), block.value().columns()));
        }
        return policy;
    }

    @ParameterizedTest(name = "shared={0} actions={1} {2}")
    @MethodSource("layouts")
    void outputTangentEqualsTheCentralDifferenceOfTheOutputs(boolean shared, Space actions, Activation activation) {
        CnnPolicy policy = randomisedPolicy(shared, actions, activation);
        INDArray observations = gaussian(random, 1, BATCH, IMAGE_SIZE);
        Map<String, INDArray> direction = randomDirection(policy, random);

        OutputTangent tangent = policy.outputTangent(policy.forward(observations), direction);

        assertTangentsMatch(tangent, numericOutputTangent(policy, observations, direction));
    }

    @ParameterizedTest(name = "shared={0} actions={1} {2}")
    @MethodSource("layouts")
    void fisherVectorProductFromTangentsEqualsTheDifferenceOfGaussNewtonGradients(boolean shared, Space actions,
                                                                                 Activation activation) {
        CnnPolicy policy = randomisedPolicy(shared, actions, activation);
        INDArray observations = gaussian(random, 1, BATCH, IMAGE_SIZE);
        Map<String, INDArray> direction = randomDirection(policy, random);

        Map<String, INDArray> product = fisherVectorProduct(policy, policy.forward(observations), direction,
                VALUE_FISHER_COEFFICIENT);

        assertBlocksMatch("F v", product,
                numericFisherVectorProduct(policy, observations, direction, VALUE_FISHER_COEFFICIENT));
    }

    @Test
    void aTangentOfTheFirstConvolutionAloneReachesBothHeadsThroughTheSharedTorso() {
        CnnPolicy policy = randomisedPolicy(true, DISCRETE, Activation.TANH);
        INDArray observations = gaussian(random, 1, BATCH, IMAGE_SIZE);
        Map<String, INDArray> direction = Map.of("torso/conv0", gaussian(random, 1, 3, 19));

        OutputTangent tangent = policy.outputTangent(policy.forward(observations), direction);

        assertTangentsMatch(tangent, numericOutputTangent(policy, observations, direction));
        assertThat(tangent.values().norm2Number().doubleValue()).isPositive();
        assertThat(tangent.distribution().norm2Number().doubleValue()).isPositive();
    }

    @Test
    void anEmptyTangentGivesZeroOutputTangents() {
        CnnPolicy policy = randomisedPolicy(false, BOX, Activation.RELU);
        ForwardPass pass = policy.forward(gaussian(random, 1, BATCH, IMAGE_SIZE));
        OutputTangent tangent = policy.outputTangent(pass, Map.of());
        assertThat(policy).isInstanceOf(io.acktr.api.policy.ForwardModePolicy.class);
        assertThat(tangent.distribution()).isEqualTo(Nd4j.zeros(DataType.DOUBLE, BATCH, 4));
        assertThat(tangent.values()).isEqualTo(Nd4j.zeros(DataType.DOUBLE, BATCH, 1));
    }
}
